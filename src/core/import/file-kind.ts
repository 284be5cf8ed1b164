/**
 * What an imported file is, by its name: apart from prepare.ts so the
 * app's import controls can sort dropped files without loading the HTML
 * extraction (the renderer loads that only when articles are imported).
 */

/** What a file is, by its name (and, for .txt, a sniff of its content). */
export type FileKind = 'text' | 'html' | 'dataset';

/** The kind of an imported file from its name. */
export function fileKind(name: string): FileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.json')) return 'dataset';
  if (lower.endsWith('.html') || lower.endsWith('.htm') || lower.endsWith('.xhtml')) return 'html';
  return 'text';
}
