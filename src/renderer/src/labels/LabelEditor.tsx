/**
 * Editing the label set in a dialog: name, Arabic name, colour, hotkey,
 * definition and examples. Renaming relabels the label's spans; deleting a
 * label that has spans asks first, saying whose spans go.
 */
import { useState, type FormEvent } from 'react';
import type { LabelDef } from '@core/model.ts';
import { Dialog } from '../components/Dialog.tsx';
import { blankLabel, describeLabelUsage, type LabelUsage } from '../db/labels.ts';
import { clearFailures, reportFailure } from '../failures.ts';
import { removeLabel, storeLabel, usageOf } from './actions.ts';

const FAILURE = 'labels';

export function LabelEditor({
  labels,
  onClose,
}: {
  labels: readonly LabelDef[];
  onClose: () => void;
}): React.JSX.Element {
  const [key, setKey] = useState<string | null>(labels[0]?.key ?? null);
  const [draft, setDraft] = useState<LabelDef>(() => labels[0] ?? blankLabel(labels));
  const [confirm, setConfirm] = useState<LabelUsage | null>(null);

  const pick = (k: string): void => {
    const l = labels.find((x) => x.key === k);
    setKey(l ? l.key : null);
    setDraft(l ?? blankLabel(labels));
    clearFailures(FAILURE);
    setConfirm(null);
  };
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      const examples = draft.examples.map((x) => x.trim()).filter(Boolean);
      const saved = await storeLabel(key, { ...draft, examples });
      setKey(saved.key);
      setDraft(saved);
      clearFailures(FAILURE);
    } catch (err) {
      reportFailure(
        { key: FAILURE, what: `Saving the label “${draft.name}”`, where: 'Edit labels' },
        err,
      );
    }
  };
  const remove = async (): Promise<void> => {
    if (key === null) return;
    try {
      const usage = await usageOf(key);
      if (usage.total > 0 && confirm === null) {
        setConfirm(usage);
        return;
      }
      await removeLabel(key);
      const rest = labels.filter((l) => l.key !== key);
      setKey(rest[0]?.key ?? null);
      setDraft(rest[0] ?? blankLabel(rest));
      setConfirm(null);
      clearFailures(FAILURE);
    } catch (err) {
      reportFailure(
        { key: FAILURE, what: `Deleting the label “${key}”`, where: 'Edit labels' },
        err,
      );
    }
  };
  const set = (patch: Partial<LabelDef>): void => setDraft((d) => ({ ...d, ...patch }));

  return (
    <Dialog
      title="Edit labels"
      onClose={onClose}
      failureKey={FAILURE}
      className="sheet label-editor"
    >
      <label>
        Label to edit{' '}
        <select value={key ?? ''} onChange={(e) => pick(e.target.value)}>
          {labels.map((l) => (
            <option key={l.key} value={l.key}>
              {l.name}
            </option>
          ))}
          <option value="">New label…</option>
        </select>
      </label>
      <form onSubmit={(e) => void save(e)} className="label-form">
        <label>
          Name
          <input value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label>
          Arabic name
          <input
            dir="rtl"
            lang="ar"
            value={draft.nameAr}
            onChange={(e) => set({ nameAr: e.target.value })}
          />
        </label>
        <label>
          Colour
          <input
            type="color"
            value={draft.color}
            onChange={(e) => set({ color: e.target.value })}
          />
        </label>
        <label>
          Hotkey
          <select
            value={draft.hotkey ?? ''}
            onChange={(e) => set({ hotkey: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">None</option>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <label>
          Definition
          <textarea
            rows={3}
            value={draft.definition}
            onChange={(e) => set({ definition: e.target.value })}
          />
        </label>
        <label>
          Examples (one per line)
          <textarea
            rows={3}
            dir="auto"
            value={draft.examples.join('\n')}
            onChange={(e) => set({ examples: e.target.value.split('\n') })}
          />
        </label>
        {confirm !== null && (
          <p role="alert" className="error">
            “{key}” is used by {confirm.total} {confirm.total === 1 ? 'span' : 'spans'}:{' '}
            {describeLabelUsage(confirm)}. Deleting the label deletes all of them, whoever made
            them, and cannot be undone. Press “Delete label and its spans” to confirm.
          </p>
        )}
        <div className="span-editor-actions">
          <button type="submit">Save label</button>
          {key !== null && (
            <button type="button" className="danger" onClick={() => void remove()}>
              {confirm !== null ? 'Delete label and its spans' : 'Delete label'}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
