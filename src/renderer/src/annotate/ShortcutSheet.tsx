/**
 * The `?` sheet: every keyboard shortcut of the workbench, in a modal
 * dialog. Key names stay as printed on the keys; the descriptions are in
 * the interface language. Keys are in a column of their own that may wrap,
 * so a long key entry never squeezes the descriptions.
 */
import type { LabelDef } from '@core/model.ts';
import { Dialog } from '../components/Dialog.tsx';
import type { MessageId } from '../i18n/catalogs.ts';
import { T, useT } from '../i18n/T.tsx';
import { useLabelName } from '../labels/useLabelName.ts';

/** A key as printed on the keyboard, or a message naming a gesture. */
type Key = string | { id: MessageId };

const SHORTCUTS: [Key, MessageId][] = [
  [{ id: 'key.drag' }, 'sheet.drag'],
  [{ id: 'key.altDrag' }, 'sheet.altDrag'],
  ['1 – 9', 'sheet.label'],
  ['Shift + 1 – 9', 'sheet.sticky'],
  [{ id: 'key.click' }, 'sheet.click'],
  ['n / p', 'sheet.nextSpan'],
  ['Shift + ← / →', 'sheet.moveEnd'],
  [{ id: 'key.moveStart' }, 'sheet.moveStart'],
  [{ id: 'key.dragHandle' }, 'sheet.handle'],
  ['Delete / Backspace', 'sheet.delete'],
  ['Enter', 'sheet.acceptSuggestion'],
  [{ id: 'key.backspaceNoSpan' }, 'sheet.rejectSuggestion'],
  ['j / k', 'sheet.nextSuggestion'],
  ['h', 'sheet.confirmHolder'],
  ['Ctrl/Cmd + Z', 'sheet.undo'],
  ['Ctrl/Cmd + Shift + Z, Ctrl + Y', 'sheet.redo'],
  ['] / [', 'sheet.nextDoc'],
  ['Ctrl/Cmd + Enter', 'sheet.doneNext'],
  ['+ / −', 'sheet.fontSize'],
  ['F', 'sheet.focus'],
  ['Esc', 'sheet.escape'],
  ['?', 'sheet.sheet'],
];

export function ShortcutSheet({
  labels,
  onClose,
}: {
  labels: readonly LabelDef[];
  onClose: () => void;
}): React.JSX.Element {
  const t = useT();
  const nameOf = useLabelName();
  return (
    <Dialog title={t('sheet.title')} onClose={onClose} className="sheet">
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t('sheet.key')}</th>
            <th scope="col">{t('sheet.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([k, what]) => (
            <tr key={what}>
              <th scope="row">
                <kbd dir={typeof k === 'string' ? 'ltr' : undefined}>
                  {typeof k === 'string' ? k : t(k.id)}
                </kbd>
              </th>
              <td>{t(what)}</td>
            </tr>
          ))}
          {labels
            .filter((l) => l.hotkey !== null)
            .map((l) => (
              <tr key={l.key}>
                <th scope="row">
                  <kbd dir="ltr">{l.hotkey}</kbd>
                </th>
                <td>
                  <T id="sheet.labelHotkey" values={{ name: <bdi>{nameOf(l)}</bdi> }} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </Dialog>
  );
}
