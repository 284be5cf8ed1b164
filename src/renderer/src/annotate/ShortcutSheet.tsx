/** The `?` sheet: every keyboard shortcut of the workbench, in a modal dialog. */
import type { LabelDef } from '@core/model.ts';
import { Dialog } from '../components/Dialog.tsx';

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
  ['h', 'Confirm the proposed holder and attribution of the selected span'],
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
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="sheet">
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
    </Dialog>
  );
}
