/**
 * One imported file → one article ready to store, or a reason it cannot be.
 * The app (src/renderer/src/db/documents.ts) and `stance prepare` both call
 * this, so an article gets the same text, offsets and id everywhere.
 */
import { problem, problemText, type Problem } from '../problems/problem.ts';
import type { DocumentInput } from '../document.ts';
import type { Removal } from '../model.ts';
import { cleanText } from './cleanup.ts';
import { decodeBytes, refused, type TextEncodingName } from './decode.ts';
import { extractHtml, type HtmlParser } from './html.ts';
import { canonicalOutlet } from './outlets.ts';
import { fileKind } from './file-kind.ts';

export { fileKind, type FileKind } from './file-kind.ts';

/** Metadata known from elsewhere (e.g. the sample corpus manifest); it wins. */
export interface ArticleHints {
  title?: string | null;
  date?: string | null;
  author?: string | null;
  outlet?: string | null;
}

export interface PrepareOptions {
  /** Needed for HTML files; without it HTML is refused with a reason. */
  parseHtml?: HtmlParser;
  hints?: ArticleHints;
}

/** A document input with everything an import fills in. */
export type PreparedInput = DocumentInput & { title: string; rawText: string; removed: Removal[] };

export type PrepareResult =
  | { ok: true; input: PreparedInput; encoding: TextEncodingName }
  | { ok: false; reason: string; problem?: Problem };

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>])/iu.test(text.slice(0, 512));
}

/** Decodes, extracts (HTML) and cleans one file. Never throws. */
export function prepareArticle(
  file: { name: string; bytes: Uint8Array; error?: Problem },
  options: PrepareOptions = {},
): PrepareResult {
  try {
    if (file.error) return { ok: false, reason: problemText(file.error), problem: file.error };
    const kind = fileKind(file.name);
    if (kind === 'dataset') {
      return refused(problem('article.isDataset'));
    }
    const decoded = decodeBytes(file.bytes);
    if (!decoded.ok) return decoded;
    let raw = decoded.text;
    let pageMeta: ArticleHints = {};
    if (kind === 'html' || looksLikeHtml(raw)) {
      if (!options.parseHtml) return refused(problem('article.noHtml'));
      const page = extractHtml(raw, options.parseHtml);
      if (!page.ok) return page;
      raw = page.text;
      pageMeta = page.meta;
    }
    const clean = cleanText(raw);
    if (clean.text.trim().length === 0) {
      return refused(problem('article.nothingLeft'));
    }
    const hints = options.hints ?? {};
    const title = hints.title?.trim() || pageMeta.title?.trim() || clean.meta.title || '';
    const outlet = hints.outlet ?? pageMeta.outlet ?? clean.meta.outlet;
    return {
      ok: true,
      encoding: decoded.encoding,
      input: {
        text: clean.text,
        rawText: raw,
        textSource: 'clean',
        removed: clean.removed,
        title: title.normalize('NFC'),
        date: hints.date ?? pageMeta.date ?? clean.meta.date,
        author: hints.author ?? pageMeta.author ?? clean.meta.author,
        outlet: outlet ? canonicalOutlet(outlet) : null,
        file: file.name,
      },
    };
  } catch (err) {
    return refused(problem('article.unreadable', { detail: String(err) }));
  }
}
