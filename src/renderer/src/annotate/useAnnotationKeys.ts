/**
 * The reading pane's keyboard: label hotkeys, undo/redo, span navigation
 * and resizing, document navigation, Esc, `?` for the shortcut sheet, and
 * the suggestion layer's Enter (accept), Backspace (reject), j / k.
 * Shortcuts act only on the workbench that has focus: keys typed into form
 * fields, or into a dialog (which, being modal, keeps focus while open),
 * are left alone. Letter keys work with any layout (an Arabic layout
 * included).
 */
import { useLayoutEffect, useRef } from 'react';

export interface KeyActions {
  label: (hotkey: number) => void;
  toggleSticky: (hotkey: number) => void;
  undo: () => void;
  redo: () => void;
  escape: () => void;
  nextSpan: (delta: 1 | -1) => void;
  openDoc: (delta: 1 | -1) => void;
  doneAndNext: () => void;
  deleteSpan: () => void;
  resize: (edge: 'start' | 'end', delta: 1 | -1) => void;
  fontSize: (delta: 1 | -1) => void;
  shortcuts: () => void;
  /** Accepts the current suggestion; false when there is none (Enter then does nothing). */
  acceptSuggestion: () => boolean;
  /** Moves to the next (+1) or previous (−1) suggestion. */
  stepSuggestion: (delta: 1 | -1) => void;
  /** F: focus mode on or off. */
  focusMode?: () => void;
}

/** What the physical keys mean on a US layout, for layouts that type other letters. */
const BY_CODE: Record<string, string> = {
  BracketLeft: '[',
  BracketRight: ']',
  Minus: '-',
  Equal: '=',
};

/**
 * The key as the shortcuts name it, whatever the keyboard layout: with an
 * Arabic layout the N key types ى and Shift+/ types ؟, so a key that does
 * not type ASCII is read by its physical position (KeyN → n) instead.
 */
export function shortcutKey(e: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>): string {
  if (e.key === '؟') return '?';
  if (e.key.length > 1 || /^[\x20-\x7e]$/.test(e.key)) return e.key;
  const letter = /^Key([A-Z])$/.exec(e.code);
  if (letter) return letter[1]!.toLowerCase();
  if (e.code === 'Slash' && e.shiftKey) return '?';
  return BY_CODE[e.code] ?? e.key;
}

/**
 * Whether a key pressed on `target` may act on the article: not in a form
 * field, not inside a dialog, and no modal dialog open (the page behind a
 * modal is inert, so a key can only be meant for the dialog).
 */
export function reachesArticle(target: EventTarget | null): boolean {
  if (document.querySelector('dialog:modal')) return false;
  if (!(target instanceof Element)) return true;
  if (target.closest('dialog, [role="dialog"], [role="alertdialog"]')) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return false;
  return !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Whether Enter on `target` activates it (a button, a link, a summary). */
function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a[href], summary') !== null;
}

/** Installs the document-wide key handler while mounted. */
export function useAnnotationKeys(actions: KeyActions): void {
  const ref = useRef(actions);
  // Synced and attached while the pane commits, not after paint: a key
  // pressed right after a render acts on that render's state.
  useLayoutEffect(() => {
    ref.current = actions;
  });
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || !reachesArticle(e.target)) return;
      const a = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const digit = /^(Digit|Numpad)([1-9])$/.exec(e.code);
      const key = shortcutKey(e);
      // Right to left: the left arrow moves an edge towards the end of the
      // text. Shift moves the end edge; Shift+Alt or Ctrl+Shift the start
      // edge (Shift+Alt switches the keyboard layout on many desktops).
      const arrow = key === 'ArrowLeft' ? 1 : key === 'ArrowRight' ? -1 : 0;
      let handled = true;
      if (mod && e.shiftKey && arrow) a.resize('start', arrow);
      else if (mod && key.toLowerCase() === 'z') (e.shiftKey ? a.redo : a.undo)();
      else if (mod && key.toLowerCase() === 'y') a.redo();
      else if (mod && key === 'Enter') a.doneAndNext();
      else if (mod) handled = false;
      else if (digit && !e.altKey) (e.shiftKey ? a.toggleSticky : a.label)(Number(digit[2]));
      else if (key === 'Enter' && !e.shiftKey && !e.altKey)
        // Enter on a button or link is that control's own.
        handled = !isControl(e.target) && a.acceptSuggestion();
      else if (key === 'j' && !e.altKey) a.stepSuggestion(1);
      else if (key === 'k' && !e.altKey) a.stepSuggestion(-1);
      else if (key === 'Escape') a.escape();
      else if (key === '?') a.shortcuts();
      else if (key === 'n' && !e.altKey) a.nextSpan(1);
      else if (key === 'p' && !e.altKey) a.nextSpan(-1);
      else if (key === ']') a.openDoc(1);
      else if (key === '[') a.openDoc(-1);
      else if (key === 'Delete' || key === 'Backspace') a.deleteSpan();
      else if (e.shiftKey && arrow) a.resize(e.altKey ? 'start' : 'end', arrow);
      else if (key === '+' || key === '=') a.fontSize(1);
      else if (key === '-') a.fontSize(-1);
      else if (key === 'f' && !e.altKey && a.focusMode) a.focusMode();
      else handled = false;
      if (handled) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
