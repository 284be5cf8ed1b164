/**
 * Editing the label set in a dialog: name, Arabic name, colour, hotkey,
 * definition and examples. Renaming relabels the label's spans; deleting a
 * label that has spans asks first, saying whose spans go.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { LabelDef } from '@core/model.ts';
import { db } from '../db/db.ts';
import {
  blankLabel,
  deleteLabel,
  describeLabelUsage,
  labelUsage,
  saveLabel,
  type LabelUsage,
} from '../db/labels.ts';

export function LabelEditor({
  labels,
  onClose,
}: {
  labels: readonly LabelDef[];
  onClose: () => void;
}): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [key, setKey] = useState<string | null>(labels[0]?.key ?? null);
  const [draft, setDraft] = useState<LabelDef>(() => labels[0] ?? blankLabel(labels));
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<LabelUsage | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const pick = (k: string): void => {
    const l = labels.find((x) => x.key === k);
    setKey(l ? l.key : null);
    setDraft(l ?? blankLabel(labels));
    setError(null);
    setConfirm(null);
  };
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      const examples = draft.examples.map((x) => x.trim()).filter(Boolean);
      const saved = await saveLabel(db, key, { ...draft, examples });
      setKey(saved.key);
      setDraft(saved);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const remove = async (): Promise<void> => {
    if (key === null) return;
    const usage = await labelUsage(db, key);
    if (usage.total > 0 && confirm === null) {
      setConfirm(usage);
      return;
    }
    try {
      await deleteLabel(db, key);
      const rest = labels.filter((l) => l.key !== key);
      setKey(rest[0]?.key ?? null);
      setDraft(rest[0] ?? blankLabel(rest));
      setConfirm(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const set = (patch: Partial<LabelDef>): void => setDraft((d) => ({ ...d, ...patch }));

  return (
    <dialog ref={ref} className="sheet label-editor" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Edit labels</h2>
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
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
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
          <button type="button" onClick={() => ref.current?.close()}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
