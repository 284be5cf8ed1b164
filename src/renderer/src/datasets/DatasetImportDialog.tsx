/**
 * The dataset import dialog: reads a spans/Prodigy/doccano JSONL file with
 * a progress bar, shows what it found (bad lines with their line numbers,
 * unknown labels, whose spans they are) and lets the analyst decide before
 * anything is written in one transaction.
 */
import { useEffect, useState } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import type { HostFile } from '@core/host-contract.ts';
import { db } from '../db/db.ts';
import {
  analyzeFile,
  importDataset,
  type FileAnalysis,
  type ImportProgress,
  type ImportReport,
} from '../db/dataset-import.ts';
import { host } from '../host/host.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { DatasetDialog, ProgressBar, DialogOutcome } from './DatasetDialog.tsx';

const SHOWN_PROBLEMS = 200;

function describeReport(r: ImportReport): string {
  const parts = [
    `${r.documentsCreated} new document(s)`,
    `${r.documentsMatched} matched`,
    `${r.spansAdded} span(s) added`,
    `${r.spansUpdated} updated`,
    `${r.spansUnchanged} already there`,
  ];
  if (r.labelsAdded.length) parts.push(`labels added: ${r.labelsAdded.join(', ')}`);
  if (r.annotatorsAdded.length) parts.push(`annotators added: ${r.annotatorsAdded.join(', ')}`);
  if (r.actorsAdded.length) parts.push(`actors added: ${r.actorsAdded.join('، ')}`);
  if (r.actorNotes.length) parts.push(r.actorNotes.join('; '));
  return `Imported ${r.fileName}: ${parts.join(', ')}.`;
}

export function DatasetImportDialog({
  self,
  onClose,
  initialFiles,
}: {
  self: AnnotatorRecord;
  onClose: () => void;
  initialFiles?: HostFile[];
}): React.JSX.Element {
  const labels = useLabels();
  const [file, setFile] = useState<HostFile | null>(initialFiles?.[0] ?? null);
  const [analysis, setAnalysis] = useState<FileAnalysis | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [validOnly, setValidOnly] = useState(false);
  const [annotator, setAnnotator] = useState('');
  const [labelMap, setLabelMap] = useState<Record<string, string>>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!file) return;
    let live = true;
    setBusy(true);
    setAnalysis(null);
    setReport(null);
    setError(null);
    analyzeFile(db, file, (p) => live && setProgress(p))
      .then((a) => live && setAnalysis(a))
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [file]);

  async function choose(): Promise<void> {
    const files = await host.openFiles();
    if (files[0]?.error) setError(`${files[0].name}: ${files[0].error}`);
    else if (files[0]) setFile(files[0]);
  }

  async function runImport(): Promise<void> {
    if (analysis?.kind !== 'dataset') return;
    setBusy(true);
    setError(null);
    try {
      const r = await importDataset(db, analysis.analysis, {
        selfId: self.id,
        annotatorForMissing: annotator,
        validOnly,
        labelMap: Object.fromEntries(Object.entries(labelMap).filter(([, v]) => v !== '')),
        onProgress: setProgress,
      });
      if (r.imported) setReport(r);
      else setError(r.refusal);
    } catch (err) {
      setError(`Nothing was imported: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  const a = analysis?.kind === 'dataset' ? analysis.analysis : null;
  const unknown = a?.labels.filter((l) => !l.known) ?? [];
  const needsAnnotator = (a?.withoutAnnotator ?? 0) > 0;
  const canImport =
    !!a &&
    !busy &&
    !report &&
    a.records.length > 0 &&
    (a.errors.length === 0 || validOnly) &&
    (!needsAnnotator || annotator.trim().length > 0);

  return (
    <DatasetDialog title="Import dataset" onClose={onClose} busy={busy}>
      <p className="ds-status">
        Spans JSONL (ours or Prodigy db-out) or doccano JSONL. Offsets are checked against the text;
        nothing is written until you choose to import.
      </p>
      <div className="ds-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" onClick={() => void choose()} disabled={busy}>
          Choose dataset file…
        </button>
        {file && <span dir="auto">{file.name}</span>}
      </div>
      {busy && progress && (
        <ProgressBar
          label={progress.phase === 'reading' ? 'Reading progress' : 'Import progress'}
          done={progress.done}
          total={progress.total}
        />
      )}
      {analysis?.kind === 'backup' && (
        <p role="alert" className="error">
          This file is a full backup. Restore it from Backup instead.
        </p>
      )}
      {a && (
        <>
          <p className="ds-status">
            {a.format === 'doccano' ? 'doccano JSONL' : 'Spans JSONL'}: {a.records.length} valid
            line(s)
            {a.errors.length > 0 && `, ${a.errors.length} bad line(s)`}
            {a.skipped > 0 && `, ${a.skipped} skipped (not accepted)`}.
            {a.annotators.length > 0 && ` Spans by: ${a.annotators.join(', ')}.`}
          </p>
          {a.annotators.includes(self.id) && (
            <p role="note" className="ds-status">
              Some lines carry your own annotator id ({self.id}): their spans are imported as yours.
              Spans you already have over the same words with the same label are kept as they are,
              not added twice.
            </p>
          )}
          {a.errors.length > 0 && (
            <>
              <ul className="ds-problems" aria-label="Bad lines">
                {a.errors.slice(0, SHOWN_PROBLEMS).map((e) => (
                  <li key={e.line}>
                    line {e.line}: {e.message}
                  </li>
                ))}
                {a.errors.length > SHOWN_PROBLEMS && (
                  <li>… and {a.errors.length - SHOWN_PROBLEMS} more</li>
                )}
              </ul>
              <fieldset>
                <legend>Bad lines</legend>
                <label>
                  <input
                    type="radio"
                    name="bad-lines"
                    checked={!validOnly}
                    onChange={() => setValidOnly(false)}
                  />{' '}
                  Import nothing
                </label>
                <label>
                  <input
                    type="radio"
                    name="bad-lines"
                    checked={validOnly}
                    onChange={() => setValidOnly(true)}
                  />{' '}
                  Import only the valid lines
                </label>
              </fieldset>
            </>
          )}
          {needsAnnotator && (
            <label className="ds-field">
              Whose spans are the {a.withoutAnnotator} line(s) without _annotator_id?
              <input
                type="text"
                dir="auto"
                value={annotator}
                onChange={(e) => setAnnotator(e.target.value)}
              />
            </label>
          )}
          {unknown.length > 0 && (
            <fieldset>
              <legend>Labels not in your label set</legend>
              <div className="ds-labels">
                {unknown.map((l) => (
                  <label key={l.key} className="ds-field">
                    <span dir="auto">
                      {l.key} ({l.count} span(s))
                    </span>
                    <select
                      aria-label={`What to do with label ${l.key}`}
                      value={labelMap[l.key] ?? ''}
                      onChange={(e) => setLabelMap((m) => ({ ...m, [l.key]: e.target.value }))}
                    >
                      <option value="">Add as a new label</option>
                      {labels.map((k) => (
                        <option key={k.key} value={k.key}>
                          Map to {k.key}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
        </>
      )}
      <DialogOutcome status={report ? describeReport(report) : null} error={error} />
      <div className="ds-actions">
        <button
          type="button"
          className="primary"
          disabled={!canImport}
          onClick={() => void runImport()}
        >
          Import
        </button>
      </div>
    </DatasetDialog>
  );
}
