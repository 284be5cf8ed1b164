/**
 * The reading pane's keyboard: label hotkeys, undo/redo, span navigation
 * and resizing, document navigation, Esc, and `?` for the shortcut sheet.
 * Keys typed into form fields or while a dialog is open are left alone.
 */
import { useEffect, useRef } from 'react';

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
}

function isEditable(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName);
}

/** Installs the document-wide key handler while mounted. */
export function useAnnotationKeys(actions: KeyActions): void {
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || isEditable(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const a = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const digit = /^(Digit|Numpad)([1-9])$/.exec(e.code);
      let handled = true;
      if (mod && e.key.toLowerCase() === 'z') (e.shiftKey ? a.redo : a.undo)();
      else if (mod && e.key.toLowerCase() === 'y') a.redo();
      else if (mod && e.key === 'Enter') a.doneAndNext();
      else if (mod) handled = false;
      else if (digit && !e.altKey) (e.shiftKey ? a.toggleSticky : a.label)(Number(digit[2]));
      else if (e.key === 'Escape') a.escape();
      else if (e.key === '?') a.shortcuts();
      else if (e.key === 'n' && !e.altKey) a.nextSpan(1);
      else if (e.key === 'p' && !e.altKey) a.nextSpan(-1);
      else if (e.key === ']') a.openDoc(1);
      else if (e.key === '[') a.openDoc(-1);
      else if (e.key === 'Delete' || e.key === 'Backspace') a.deleteSpan();
      // Right to left: the left arrow moves an edge towards the end of the
      // text. Shift moves the end edge, Shift+Alt the start edge.
      else if (e.shiftKey && e.key === 'ArrowLeft') a.resize(e.altKey ? 'start' : 'end', 1);
      else if (e.shiftKey && e.key === 'ArrowRight') a.resize(e.altKey ? 'start' : 'end', -1);
      else if (e.key === '+' || e.key === '=') a.fontSize(1);
      else if (e.key === '-') a.fontSize(-1);
      else handled = false;
      if (handled) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
