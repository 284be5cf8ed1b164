/**
 * Groups annotated lines (one document by one annotator, as spans JSONL
 * holds them) into agreement documents: by `meta.doc_id`, else by text;
 * tokens from the lines when given, else the workbench tokenizer, once per
 * document.
 */
import { tokenize } from '../tokenize.ts';
import type { AgreementDoc, AgreementSpan, TokenExtent } from './types.ts';

/** One annotator's annotation of one document. */
export interface AnnotatedLine {
  annotatorId: string;
  text: string;
  docId?: string | null;
  spans: readonly AgreementSpan[];
  tokens?: readonly TokenExtent[] | null;
}

/** The grouped documents and the annotators in order of first appearance. */
export interface GroupedLines {
  annotators: string[];
  docs: AgreementDoc[];
}

/** Groups `lines` into documents; an annotator's repeated line for one document adds its spans. */
export function groupLines(lines: readonly AnnotatedLine[]): GroupedLines {
  const annotators: string[] = [];
  const groups = new Map<
    string,
    { text: string; tokens: readonly TokenExtent[] | null; ann: Map<string, AgreementSpan[]> }
  >();
  for (const line of lines) {
    if (!annotators.includes(line.annotatorId)) annotators.push(line.annotatorId);
    const key = line.docId ? `id:${line.docId}` : `text:${line.text}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { text: line.text, tokens: null, ann: new Map() }));
    if (!g.tokens && line.tokens && line.tokens.length > 0) g.tokens = line.tokens;
    const spans = g.ann.get(line.annotatorId) ?? [];
    spans.push(...line.spans);
    g.ann.set(line.annotatorId, spans);
  }
  const docs: AgreementDoc[] = [];
  for (const [key, g] of groups)
    docs.push({
      id: key.slice(key.indexOf(':') + 1),
      tokens: g.tokens ?? tokenize(g.text),
      annotations: g.ann,
    });
  return { annotators, docs };
}
