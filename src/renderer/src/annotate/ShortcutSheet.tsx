/** The `?` sheet: every keyboard shortcut of the workbench, in a modal dialog. */
import { useEffect, useId, useRef } from 'react';
import type { LabelDef } from '@core/model.ts';

const SHORTCUTS: [string, string][] = [
  ['Drag', 'Select words (snaps to whole words)'],
  ['Alt + drag', 'Select characters (never splits a letter from its marks)'],
  ['1 – 9', 'Label the selection, or relabel the selected span'],
  ['Shift + 1 – 9', 'Sticky label on/off: every selection becomes a span of it'],
  ['Click a span', 'Select it (click again to cycle through overlapping spans)'],
  ['n / p', 'Next / previous span'],
  ['Shift + ← / →', 'Move the end of the selected span by one word'],
  [
    'Shift + Alt + ← / →, or Ctrl + Shift + ← / →',
    'Move the start of the selected span by one word',
  ],
  ['Drag a handle', 'Move the start or end of the selected span (Alt: by letters)'],
  ['Delete / Backspace', 'Delete the selected span'],
  ['Ctrl/Cmd + Z', 'Undo'],
  ['Ctrl/Cmd + Shift + Z, Ctrl + Y', 'Redo'],
  ['] / [', 'Next / previous document'],
  ['Ctrl/Cmd + Enter', 'Mark the document done and open the next'],
  ['+ / −', 'Larger / smaller text'],
  ['Esc', 'Clear the selection'],
  ['?', 'This sheet'],
];

export function ShortcutSheet({
  labels,
  onClose,
}: {
  labels: readonly LabelDef[];
  onClose: () => void;
}): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="sheet" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([k, what]) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
          {labels
            .filter((l) => l.hotkey !== null)
            .map((l) => (
              <tr key={l.key}>
                <th scope="row">
                  <kbd>{l.hotkey}</kbd>
                </th>
                <td>{l.name}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <button type="button" onClick={() => ref.current?.close()} autoFocus>
        Close
      </button>
    </dialog>
  );
}
