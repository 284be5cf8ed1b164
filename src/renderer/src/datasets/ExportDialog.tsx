/**
 * The export dialog: the analyst picks the format, the annotators
 * (themself, colleagues, gold), the labels and the documents, then the
 * dataset streams to the host with a progress bar.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord } from '@core/model.ts';
import { OUTPUT_FORMAT_INFO, OUTPUT_FORMATS, type OutputFormat } from '@core/formats/index.ts';
import { db } from '../db/db.ts';
import { runExport, type ExportProgress } from '../db/export.ts';
import { host } from '../host/host.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { DatasetDialog, ProgressBar, DialogOutcome } from './DatasetDialog.tsx';

function annotatorLabel(a: AnnotatorRecord): string {
  if (a.kind === 'self') return `${a.name} (you)`;
  if (a.kind === 'gold') return 'Gold (adjudicated)';
  return `${a.name} (colleague)`;
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
  const annotators = useLiveQuery(() => db.annotators.toArray(), [], []);
  const labels = useLabels();
  // Titles from the small derived rows, not the articles themselves.
  const docs = useLiveQuery(
    async () =>
      (await db.docMeta.toArray())
        .map((x) => ({ id: x.id, title: x.title }))
        .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)),
    [],
    [],
  );
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
  const [error, setError] = useState<string | null>(null);

  const toggle = (set: Set<string>, key: string): Set<string> => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };

  const canExport = !busy && chosen.size > 0 && (which !== 'selection' || selection.length > 0);

  async function start(): Promise<void> {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const result = await runExport(
        host,
        db,
        {
          format,
          annotatorIds: [...chosen],
          labels:
            skipLabels.size === 0
              ? null
              : labels.map((l) => l.key).filter((k) => !skipLabels.has(k)),
          documents: which === 'selection' ? selection : which,
        },
        setProgress,
      );
      setMessage(
        result
          ? `Exported ${result.records} record(s) with ${result.spans} span(s) to ${result.path}.`
          : 'Export cancelled.',
      );
    } catch (err) {
      setError(`Nothing was exported: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <DatasetDialog title="Export dataset" onClose={onClose} busy={busy}>
      <label className="ds-field">
        Format
        <select value={format} onChange={(e) => setFormat(e.target.value as OutputFormat)}>
          {OUTPUT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {OUTPUT_FORMAT_INFO[f].name}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Annotators</legend>
        {annotators.map((a) => (
          <label key={a.id}>
            <input
              type="checkbox"
              checked={chosen.has(a.id)}
              onChange={() => setChosen((s) => toggle(s, a.id))}
            />{' '}
            <span dir="auto">{annotatorLabel(a)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Labels</legend>
        {labels.map((l) => (
          <label key={l.key}>
            <input
              type="checkbox"
              checked={!skipLabels.has(l.key)}
              onChange={() => setSkipLabels((s) => toggle(s, l.key))}
            />{' '}
            {l.key}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Documents</legend>
        {(
          [
            ['all', 'All documents'],
            ['done', 'Done only'],
            ['selection', 'A selection'],
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
            aria-label="Documents to export"
            value={selection}
            onChange={(e) => setSelection([...e.target.selectedOptions].map((o) => o.value))}
          >
            {docs.map((d) => (
              <option key={d.id} value={d.id} dir="auto">
                {d.title}
              </option>
            ))}
          </select>
        )}
      </fieldset>
      {progress && busy && (
        <ProgressBar label="Export progress" done={progress.done} total={progress.total} />
      )}
      <DialogOutcome status={message} error={error} />
      <div className="ds-actions">
        <button
          type="button"
          className="primary"
          disabled={!canExport}
          onClick={() => void start()}
        >
          Export
        </button>
      </div>
    </DatasetDialog>
  );
}
