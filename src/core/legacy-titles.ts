/**
 * The titles earlier versions invented for documents whose page or file
 * gave none: the first line cut at 120 characters (document records,
 * dataset lines) or the first sentence cut at 100 (article import). A cut
 * sentence reads as a title and is not, so schema version 11 clears such
 * titles (db/schema.ts); these copies of the old rules recognise them.
 * Frozen on purpose: they describe what was stored, not what is derived now.
 */

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? ''
  );
}

/** The old document-record fallback: the first line, cut at 120 UTF-16 units. */
function legacyFirstLineTitle(text: string): string {
  const first = firstLine(text);
  return first.length > 120 ? `${first.slice(0, 117)}…` : first || 'Untitled';
}

/** The old article-import fallback: the first sentence, cut at 100 UTF-16 units. */
function legacySentenceTitle(text: string): string {
  const first = text.split('\n').find((l) => l.trim().length > 0) ?? '';
  const sentence = first.split(/(?<=[.!?؟])\s/u)[0]!.trim();
  if (sentence.length <= 100) return sentence || 'Untitled';
  const cut = sentence.slice(0, 100);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[،,:؛\s]+$/u, '')}…`;
}

/**
 * Whether `title` is one an earlier version derived from `text` by cutting
 * its first line or sentence short (so no page or file ever gave it). A
 * first line short enough to be kept whole is left alone: pages put their
 * title on the first line, and such a title cannot be told from an
 * invented one.
 */
export function isDerivedTitle(title: string, text: string): boolean {
  if (!title.endsWith('…')) return false;
  return title === legacySentenceTitle(text) || title === legacyFirstLineTitle(text);
}
