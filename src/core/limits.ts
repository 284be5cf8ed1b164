/**
 * Every limit the app and the `stance` CLI apply to what they read, in one
 * place, so both refuse the same files with the same numbers. docs/limits.md
 * says what each one is and what the analyst sees when it is hit.
 */

const MB = 1024 * 1024;

/** A file the app opens (and any one line of a dataset) may be at most this large: 200 MB. */
export const MAX_OPEN_BYTES = 200 * MB;

/** An article (.txt, .html) may be at most this large: 20 MB. */
export const MAX_ARTICLE_BYTES = 20 * MB;

/** An HTML page may nest elements at most this deep. */
export const MAX_HTML_DEPTH = 128;

/** An HTML page may hold at most this many elements (Readability's maxElemsToParse). */
export const MAX_HTML_ELEMENTS = 50_000;

/** Reading one HTML page may take at most this long (off the main thread, then stopped). */
export const HTML_TIME_LIMIT_MS = 30_000;

/** `n` bytes as "20 MB", "20.0 MB" (just over), "0.5 MB", or "100 bytes" below 0.1 MB. */
export function formatMb(n: number): string {
  const mb = n / MB;
  if (mb < 0.1) return `${n.toLocaleString('en')} bytes`;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** `ms` as "30 s", or "250 ms" below a second. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}
