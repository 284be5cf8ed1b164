/**
 * Groups annotated lines (one document by one annotator, as spans JSONL
 * holds them) into agreement documents: by `meta.doc_id`, else by text;
 * tokens by the one rule of token-basis.ts (the lines' own tokens when
 * every annotator's line brings the same ones, else the workbench
 * tokenizer), once per document. Two lines with one `doc_id` but different texts are an error
 * (doccano ids are per-project numbers, so files from two projects often
 * share them): merging them would score one text's spans on another's tokens.
 */
import { tokenize } from '../tokenize.ts';
import { decideTokens, tokenDigest } from './token-basis.ts';
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
      /** digest → tokens, for every token list a line brought. */
      tokens: Map<string, readonly TokenExtent[]>;
      /** annotator → digest of the tokens their line brought (null: none). */
      brought: Map<string, string | null>;
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
      groups.set(
        key,
        (g = {
          text: line.text,
          where: line.where,
          tokens: new Map(),
          brought: new Map(),
          ann: new Map(),
        }),
      );
    // An annotator's repeated line for the document: a line without tokens,
    // or with other tokens than before, makes theirs undecided (null or a
    // second digest both fall back to the workbench tokenizer).
    const digest = line.tokens && line.tokens.length > 0 ? tokenDigest(line.tokens) : null;
    if (digest !== null && !g.tokens.has(digest)) g.tokens.set(digest, line.tokens!);
    const before = g.brought.get(line.annotatorId);
    g.brought.set(line.annotatorId, before === undefined || before === digest ? digest : null);
    const spans = g.ann.get(line.annotatorId) ?? [];
    spans.push(...line.spans);
    g.ann.set(line.annotatorId, spans);
  }
  const docs: AgreementDoc[] = [];
  if (errors.length > 0) return { annotators, docs, errors };
  for (const [key, g] of groups) {
    const decision = decideTokens(g.brought);
    docs.push({
      id: key.slice(key.indexOf(':') + 1),
      tokens: decision.basis === 'dataset' ? g.tokens.get(decision.digest)! : tokenize(g.text),
      annotations: g.ann,
      basis: decision.basis,
    });
  }
  return { annotators, docs, errors };
}
