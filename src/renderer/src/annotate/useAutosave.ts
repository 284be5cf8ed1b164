/**
 * Saves a text field as the analyst types: a moment after the last
 * keystroke, and at once when the field loses focus or the editor closes,
 * so there is no save button to forget and a reload loses at most the
 * last half second of typing.
 */
import { useCallback, useEffect, useRef } from 'react';

/**
 * Keeps `value` saved through `save` (trimmed; empty saves null) whenever
 * it differs from `stored`. Returns `flush`, for onBlur.
 */
export function useAutosave(
  value: string,
  stored: string | null,
  save: (value: string | null) => void,
  delayMs = 500,
): () => void {
  const latest = useRef({ value, stored, save });
  const lastSaved = useRef<string | null>(stored);
  useEffect(() => {
    latest.current = { value, stored, save };
  });
  const flush = useCallback(() => {
    const { value: v, stored: s, save: write } = latest.current;
    const next = v.trim() || null;
    if (next === s || next === lastSaved.current) return;
    lastSaved.current = next;
    write(next);
  }, []);
  useEffect(() => {
    const timer = setTimeout(flush, delayMs);
    return () => clearTimeout(timer);
  }, [value, flush, delayMs]);
  // The editor closes (another span is selected): keep what was typed.
  useEffect(() => flush, [flush]);
  return flush;
}
