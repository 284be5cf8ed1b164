/**
 * Groups annotated lines (one document by one annotator, as spans JSONL
 * holds them) into agreement documents: by `meta.doc_id`, else by text;
 * tokens from the lines when given, else the workbench tokenizer, once per
 * document. Two lines with one `doc_id` but different texts are an error
 * (doccano ids are per-project numbers, so files from two projects often
 * share them): merging them would score one text's spans on another's tokens.
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
  /** Where the line comes from (`FILE:LINE`), for error messages. */
  where?: string;
}

/** The grouped documents and the annotators in order of first appearance. */
export interface GroupedLines {
  annotators: string[];
  docs: AgreementDoc[];
  /**
   * One message per line whose `doc_id` was seen before with a different
   * text, naming both places; when there are any, `docs` is empty.
   */
  errors: string[];
}

/** Groups `lines` into documents; an annotator's repeated line for one document adds its spans. */
export function groupLines(lines: readonly AnnotatedLine[]): GroupedLines {
  const annotators: string[] = [];
  const errors: string[] = [];
  const groups = new Map<
    string,
    {
      text: string;
      where: string | undefined;
      tokens: readonly TokenExtent[] | null;
      ann: Map<string, AgreementSpan[]>;
    }
  >();
  for (const line of lines) {
    const key = line.docId ? `id:${line.docId}` : `text:${line.text}`;
    let g = groups.get(key);
    if (g && g.text !== line.text) {
      errors.push(
        `${line.where ?? 'a line'}: doc_id ${line.docId} has a different text than ${g.where ?? 'an earlier line'}`,
      );
      continue;
    }
    if (!annotators.includes(line.annotatorId)) annotators.push(line.annotatorId);
    if (!g)
      groups.set(key, (g = { text: line.text, where: line.where, tokens: null, ann: new Map() }));
    if (!g.tokens && line.tokens && line.tokens.length > 0) g.tokens = line.tokens;
    const spans = g.ann.get(line.annotatorId) ?? [];
    // One by one: spreading 125,000 spans into push(...) overflows the stack.
    for (const s of line.spans) spans.push(s);
    g.ann.set(line.annotatorId, spans);
  }
  const docs: AgreementDoc[] = [];
  if (errors.length > 0) return { annotators, docs, errors };
  for (const [key, g] of groups)
    docs.push({
      id: key.slice(key.indexOf(':') + 1),
      tokens: g.tokens ?? tokenize(g.text),
      annotations: g.ann,
    });
  return { annotators, docs, errors };
}
