/**
 * The export dialog: the analyst picks the format, the annotators
 * (themself, colleagues, gold), the labels and the documents, then the
 * dataset streams to the host with a progress bar.
 */
import { useState } from 'react';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord } from '@core/model.ts';
import { OUTPUT_FORMAT_INFO, OUTPUT_FORMATS, type OutputFormat } from '@core/formats/index.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import type { ExportProgress } from '../db/export.ts';
import { clearFailures, phrase, reportFailure } from '../failures.ts';
import { useAnnotators } from '../hooks/useAnnotators.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { exportDataset } from './actions.ts';
import { useDocumentTitles } from './useDocumentTitles.ts';
import { T, useT, type Translate } from '../i18n/T.tsx';
import { useExportCoverage } from './useExportCoverage.ts';
import './datasets.css';
import { useTitleText } from '../i18n/useTitleText.ts';

const FAILURE = 'export';

function annotatorLabel(a: AnnotatorRecord, t: Translate): string {
  if (a.kind === 'self') return t('export.you', { name: a.name });
  if (a.kind === 'gold') return t('export.gold');
  return t('export.colleague', { name: a.name });
}

export function ExportDialog({
  self,
  onClose,
  defaultGold = false,
}: {
  self: AnnotatorRecord;
  onClose: () => void;
  /** Opened from Review or Agreement: gold is what one exports there. */
  defaultGold?: boolean;
}): React.JSX.Element {
  const annotators = useAnnotators();
  const labels = useLabels();
  const docs = useDocumentTitles();
  const [format, setFormat] = useState<OutputFormat>('spans');
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set([defaultGold ? GOLD_ANNOTATOR_ID : self.id]),
  );
  const [skipLabels, setSkipLabels] = useState<Set<string>>(() => new Set());
  const [which, setWhich] = useState<'all' | 'done' | 'selection'>('all');
  const [selection, setSelection] = useState<string[]>([]);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [includeUnannotated, setIncludeUnannotated] = useState(false);
  const t = useT();
  const titleText = useTitleText();
  const chosenIds = [...chosen];
  const coverage = useExportCoverage(chosenIds, which === 'selection' ? selection : which);
  const onlyGold = chosenIds.every((id) => id === GOLD_ANNOTATOR_ID);

  const toggle = (set: Set<string>, key: string): Set<string> => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };

  const canExport = !busy && chosen.size > 0 && (which !== 'selection' || selection.length > 0);

  async function start(): Promise<void> {
    setBusy(true);
    clearFailures(FAILURE);
    setMessage(null);
    try {
      const result = await exportDataset(
        {
          format,
          annotatorIds: [...chosen],
          labels:
            skipLabels.size === 0
              ? null
              : labels.map((l) => l.key).filter((k) => !skipLabels.has(k)),
          documents: which === 'selection' ? selection : which,
          includeUnannotated: includeUnannotated && !onlyGold,
        },
        setProgress,
      );
      setMessage(
        result
          ? t('export.done', { records: result.records, spans: result.spans, path: result.path })
          : t('export.cancelled'),
      );
    } catch (err) {
      reportFailure(
        {
          key: FAILURE,
          what: phrase('failureTask.export'),
          where: phrase('export.title'),
        },
        err,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('export.title')}
      onClose={onClose}
      busy={busy}
      failureKey={FAILURE}
      className="ds-dialog"
    >
      <label className="ds-field">
        <T id="export.format" />
        <select value={format} onChange={(e) => setFormat(e.target.value as OutputFormat)}>
          {OUTPUT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {OUTPUT_FORMAT_INFO[f].name}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('export.annotators')}</legend>
        {annotators.map((a) => (
          <label key={a.id}>
            <input
              type="checkbox"
              checked={chosen.has(a.id)}
              onChange={() => setChosen((s) => toggle(s, a.id))}
            />{' '}
            <bdi>{annotatorLabel(a, t)}</bdi>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('export.labels')}</legend>
        {labels.map((l) => (
          <label key={l.key}>
            <input
              type="checkbox"
              checked={!skipLabels.has(l.key)}
              onChange={() => setSkipLabels((s) => toggle(s, l.key))}
            />{' '}
            <bdi>{l.key}</bdi>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('export.documents')}</legend>
        {(
          [
            ['all', t('export.all')],
            ['done', t('export.doneOnly')],
            ['selection', t('export.selection')],
          ] as const
        ).map(([value, text]) => (
          <label key={value}>
            <input
              type="radio"
              name="export-documents"
              checked={which === value}
              onChange={() => setWhich(value)}
            />{' '}
            {text}
          </label>
        ))}
        {which === 'selection' && (
          <select
            multiple
            aria-label={t('export.toExport')}
            value={selection}
            onChange={(e) => setSelection([...e.target.selectedOptions].map((o) => o.value))}
          >
            {docs.map((d) => (
              <option key={d.id} value={d.id} dir="auto">
                {titleText(d.title)}
              </option>
            ))}
          </select>
        )}
        {coverage && coverage.untouched > 0 && (
          <div className="ds-note" role="note">
            <p>
              {onlyGold
                ? t('export.leftOutGold', {
                    count: coverage.untouched,
                    total: coverage.documents,
                  })
                : t('export.leftOut', { count: coverage.untouched, total: coverage.documents })}
            </p>
            {!onlyGold && (
              <label>
                <input
                  type="checkbox"
                  checked={includeUnannotated}
                  onChange={(e) => setIncludeUnannotated(e.target.checked)}
                />{' '}
                {t('export.includeUnannotated', { count: coverage.untouched })}
              </label>
            )}
          </div>
        )}
      </fieldset>
      {progress && busy && (
        <ProgressBar label={t('export.progress')} done={progress.done} total={progress.total} />
      )}
      {message && (
        <p role="status" className="ds-status">
          {message}
        </p>
      )}
      <div className="ds-actions">
        <button
          type="button"
          className="primary"
          disabled={!canExport}
          onClick={() => void start()}
        >
          <T id="export.export" />
        </button>
      </div>
    </Dialog>
  );
}
