/**
 * Builds document records: the identity of a document is the SHA-256 of its
 * final text, so importing the same article twice yields the same id.
 */
import { foldArabic } from './arabic-search.ts';
import type { DocumentRecord, Removal } from './model.ts';

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface DocumentInput {
  text: string;
  rawText?: string;
  textSource?: 'clean' | 'raw';
  removed?: Removal[];
  title?: string | null;
  date?: string | null;
  author?: string | null;
  outlet?: string | null;
  file?: string | null;
  importedAt?: number;
}

/** The search key of a document: folded title and text. */
export function searchKey(title: string, text: string): string {
  return foldArabic(`${title}\n${text}`);
}

/** A title for a document that has none: its first line, shortened. */
export function fallbackTitle(text: string): string {
  const first =
    text
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? '';
  return first.length > 120 ? `${first.slice(0, 117)}…` : first || 'Untitled';
}

/** Builds a complete record, computing id, title fallback and search key. */
export async function buildDocumentRecord(input: DocumentInput): Promise<DocumentRecord> {
  const text = input.text.normalize('NFC');
  const title = input.title?.trim() || fallbackTitle(text);
  return {
    id: await sha256Hex(text),
    text,
    rawText: input.rawText ?? text,
    textSource: input.textSource ?? 'clean',
    removed: input.removed ?? [],
    title,
    date: input.date ?? null,
    author: input.author ?? null,
    outlet: input.outlet ?? null,
    file: input.file ?? null,
    importedAt: input.importedAt ?? Date.now(),
    folded: searchKey(title, text),
  };
}
