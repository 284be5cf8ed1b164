/**
 * The one key that confirms the proposed holder of the selected span: `h`
 * (for holder; any keyboard layout, read by its physical position). Like
 * every reading-pane shortcut it is ignored in form fields and dialogs.
 */
import { useLayoutEffect, useRef } from 'react';
import { reachesArticle, shortcutKey } from '../annotate/useAnnotationKeys.ts';

/** The key that confirms a proposal (shown on the shortcut sheet). */
export const CONFIRM_KEY = 'h';

/** Calls `confirm` when the confirm key is pressed, while mounted and `enabled`. */
export function useConfirmKey(enabled: boolean, confirm: () => void): void {
  const ref = useRef(confirm);
  useLayoutEffect(() => {
    ref.current = confirm;
  });
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      if (!reachesArticle(e.target) || shortcutKey(e) !== CONFIRM_KEY) return;
      e.preventDefault();
      ref.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
