/**
 * Editing the label set in a dialog: name, Arabic name, colour, hotkey,
 * definition and examples. Renaming relabels the label's spans; deleting a
 * label that has spans asks first, saying whose spans go.
 */
import { useState, type FormEvent } from 'react';
import type { LabelDef } from '@core/model.ts';
import { Dialog } from '../components/Dialog.tsx';
import { blankLabel, describeLabelUsage, type LabelUsage } from '../db/labels.ts';
import { clearFailures, phrase, reportFailure } from '../failures.ts';
import { removeLabel, storeLabel, usageOf } from './actions.ts';
import { T, useT } from '../i18n/T.tsx';

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
  const t = useT();

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
        {
          key: FAILURE,
          what: phrase('failureTask.saveLabel', { name: draft.name }),
          where: phrase('labels.edit'),
        },
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
        {
          key: FAILURE,
          what: phrase('failureTask.deleteLabel', { name: key }),
          where: phrase('labels.edit'),
        },
        err,
      );
    }
  };
  const set = (patch: Partial<LabelDef>): void => setDraft((d) => ({ ...d, ...patch }));

  return (
    <Dialog
      title={t('labels.edit')}
      onClose={onClose}
      failureKey={FAILURE}
      className="sheet label-editor"
    >
      <label>
        {t('labels.toEdit')}{' '}
        <select value={key ?? ''} onChange={(e) => pick(e.target.value)}>
          {labels.map((l) => (
            <option key={l.key} value={l.key}>
              {l.name}
            </option>
          ))}
          <option value="">{t('labels.new')}</option>
        </select>
      </label>
      <form onSubmit={(e) => void save(e)} className="label-form">
        <label>
          {t('labels.name')}
          <input dir="auto" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label>
          {t('labels.nameAr')}
          <input
            dir="rtl"
            lang="ar"
            value={draft.nameAr}
            onChange={(e) => set({ nameAr: e.target.value })}
          />
        </label>
        <label>
          {t('labels.colour')}
          <input
            type="color"
            value={draft.color}
            onChange={(e) => set({ color: e.target.value })}
          />
        </label>
        <label>
          {t('labels.hotkeyField')}
          <select
            value={draft.hotkey ?? ''}
            onChange={(e) => set({ hotkey: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{t('toolbar.none')}</option>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('labels.definition')}
          <textarea
            rows={3}
            dir="auto"
            value={draft.definition}
            onChange={(e) => set({ definition: e.target.value })}
          />
        </label>
        <label>
          {t('labels.examplesField')}
          <textarea
            rows={3}
            dir="auto"
            value={draft.examples.join('\n')}
            onChange={(e) => set({ examples: e.target.value.split('\n') })}
          />
        </label>
        {confirm !== null && (
          <p role="alert" className="error">
            <T
              id="labels.confirm"
              values={{
                key: <bdi>{key}</bdi>,
                count: confirm.total,
                usage: describeLabelUsage(confirm),
              }}
            />
          </p>
        )}
        <div className="span-editor-actions">
          <button type="submit">{t('labels.save')}</button>
          {key !== null && (
            <button type="button" className="danger" onClick={() => void remove()}>
              {confirm !== null ? t('labels.deleteWithSpans') : t('labels.delete')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
