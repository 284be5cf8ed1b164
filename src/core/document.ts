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

/**
 * The opening words of a text's first line, shortened at a word boundary:
 * shown beside "No title" so that a document whose page gives no title
 * stays recognisable in lists. Never stored or exported as a title.
 */
export function leadExcerpt(text: string, max = 80): string {
  const first =
    text
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? '';
  const chars = [...first];
  if (chars.length <= max) return first;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[،,:؛\s]+$/u, '')}…`;
}

/**
 * Builds a complete record, computing id and search key. A document whose
 * input names no title keeps an empty one: the UI says "No title" rather
 * than presenting a cut-off sentence as a title.
 */
export async function buildDocumentRecord(input: DocumentInput): Promise<DocumentRecord> {
  const text = input.text.normalize('NFC');
  const title = input.title?.trim() ?? '';
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
