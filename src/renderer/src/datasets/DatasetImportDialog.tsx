/**
 * The dataset import dialog: reads a spans/Prodigy/doccano JSONL file with
 * a progress bar, shows what it found (bad lines with their line numbers,
 * unknown labels, whose spans they are) and lets the analyst decide before
 * anything is written in one transaction.
 */
import { useEffect, useState } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import type { HostFile } from '@core/host-contract.ts';
import { problem } from '@core/problems/problem.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import {
  unreadableProblem,
  type FileAnalysis,
  type ImportProgress,
  type ImportReport,
} from '../db/dataset-import.ts';
import { clearFailures, phrase, reportFailure } from '../failures.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { host } from '../host/host.ts';
import { analyzeDatasetFile, importAnalysedDataset } from './actions.ts';
import { problemWords } from '../i18n/problems.ts';
import { T, useT, type Translate } from '../i18n/T.tsx';
import './datasets.css';

const FAILURE = 'dataset-import';
/** Where its failures are: this dialog. */
const where = phrase('dsImport.title');

const SHOWN_PROBLEMS = 200;

function describeReport(r: ImportReport, t: Translate): string {
  const sep = t('list.sep');
  const parts = [
    t('dsImport.newDocs', { count: r.documentsCreated }),
    t('dsImport.matched', { count: r.documentsMatched }),
    t('dsImport.spansAdded', { count: r.spansAdded }),
    t('dsImport.updated', { count: r.spansUpdated }),
    t('dsImport.unchanged', { count: r.spansUnchanged }),
  ];
  if (r.labelsAdded.length)
    parts.push(t('dsImport.labelsAdded', { list: r.labelsAdded.join(sep) }));
  if (r.annotatorsAdded.length)
    parts.push(t('dsImport.annotatorsAdded', { list: r.annotatorsAdded.join(sep) }));
  if (r.actorsAdded.length)
    parts.push(t('dsImport.actorsAdded', { list: r.actorsAdded.join('، ') }));
  if (r.actorNotes.length) parts.push(r.actorNotes.map((n) => problemWords(t, n)).join(sep));
  return t('dsImport.report', { file: r.fileName, parts: parts.join(sep) });
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
  const t = useT();

  useEffect(() => {
    if (!file) return;
    let live = true;
    setBusy(true);
    setAnalysis(null);
    setReport(null);
    clearFailures(FAILURE);
    const what = phrase('dsImport.task.read', { file: file.name });
    analyzeDatasetFile(file, (p) => live && setProgress(p))
      .then((a) => {
        if (!live) return;
        setAnalysis(a);
        if (a.kind === 'backup')
          reportFailure({ key: FAILURE, what, where }, problem('import.isBackup'));
        else if (a.kind === 'unreadable')
          reportFailure({ key: FAILURE, what, where }, unreadableProblem(a));
      })
      .catch((err: unknown) => live && reportFailure({ key: FAILURE, what, where }, err))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [file]);

  async function choose(): Promise<void> {
    try {
      const [picked] = await host.openFiles();
      if (picked?.error)
        reportFailure(
          { key: FAILURE, what: phrase('dsImport.task.open', { file: picked.name }), where },
          problem('file.unreadable', { file: picked.name, detail: picked.error }),
        );
      else if (picked) setFile(picked);
    } catch (err) {
      reportFailure({ key: FAILURE, what: phrase('dsImport.task.openAny'), where }, err);
    }
  }

  async function runImport(): Promise<void> {
    if (analysis?.kind !== 'dataset') return;
    setBusy(true);
    clearFailures(FAILURE);
    const file = analysis.analysis.fileName;
    const what = phrase('dsImport.task.import', { file });
    try {
      const r = await importAnalysedDataset(analysis.analysis, {
        selfId: self.id,
        annotatorForMissing: annotator,
        validOnly,
        labelMap: Object.fromEntries(Object.entries(labelMap).filter(([, v]) => v !== '')),
        onProgress: setProgress,
      });
      if (r.imported) setReport(r);
      else reportFailure({ key: FAILURE, what, where }, r.refusalProblem ?? r.refusal);
    } catch (err) {
      // One transaction: a failed write leaves nothing behind.
      reportFailure(
        { key: FAILURE, what: phrase('dsImport.task.importNothing', { file }), where },
        err,
      );
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
    <Dialog
      title={t('dsImport.title')}
      onClose={onClose}
      busy={busy}
      failureKey={FAILURE}
      className="ds-dialog"
    >
      <p className="ds-status">
        <T id="dsImport.intro" />
      </p>
      <div className="ds-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" onClick={() => void choose()} disabled={busy}>
          <T id="dsImport.choose" />
        </button>
        {file && <span dir="auto">{file.name}</span>}
      </div>
      {busy && progress && (
        <ProgressBar
          label={progress.phase === 'reading' ? t('dsImport.readProgress') : t('dsImport.progress')}
          done={progress.done}
          total={progress.total}
        />
      )}
      {a && (
        <>
          <p className="ds-status">
            {t('dsImport.found', {
              format: a.format === 'doccano' ? 'doccano JSONL' : 'Spans JSONL',
              valid: a.records.length,
            })}
            {a.errors.length > 0 && t('dsImport.bad', { count: a.errors.length })}
            {a.skipped > 0 && t('dsImport.skipped', { count: a.skipped })}
            {t('dsImport.end')}
            {a.annotators.length > 0 &&
              t('dsImport.by', { list: a.annotators.join(t('list.sep')) })}
          </p>
          {a.annotators.includes(self.id) && (
            <p role="note" className="ds-status">
              <T id="dsImport.ownId" values={{ id: <bdi>{self.id}</bdi> }} />
            </p>
          )}
          {a.errors.length > 0 && (
            <>
              <ul className="ds-problems" aria-label={t('dsImport.badLines')}>
                {a.errors.slice(0, SHOWN_PROBLEMS).map((e) => (
                  <li key={e.line}>
                    {t('dsImport.lineMsg', {
                      line: e.line,
                      message: e.problem ? problemWords(t, e.problem) : e.message,
                    })}
                  </li>
                ))}
                {a.errors.length > SHOWN_PROBLEMS && (
                  <li>{t('dsImport.more', { count: a.errors.length - SHOWN_PROBLEMS })}</li>
                )}
              </ul>
              <fieldset>
                <legend>{t('dsImport.badLines')}</legend>
                <label>
                  <input
                    type="radio"
                    name="bad-lines"
                    checked={!validOnly}
                    onChange={() => setValidOnly(false)}
                  />{' '}
                  {t('dsImport.nothing')}
                </label>
                <label>
                  <input
                    type="radio"
                    name="bad-lines"
                    checked={validOnly}
                    onChange={() => setValidOnly(true)}
                  />{' '}
                  {t('dsImport.validOnly')}
                </label>
              </fieldset>
            </>
          )}
          {needsAnnotator && (
            <label className="ds-field">
              {t('dsImport.whose', { count: a.withoutAnnotator })}
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
              <legend>{t('dsImport.unknownLabels')}</legend>
              <div className="ds-labels">
                {unknown.map((l) => (
                  <label key={l.key} className="ds-field">
                    <span>
                      <T
                        id="dsImport.labelCount"
                        values={{ key: <bdi>{l.key}</bdi>, count: l.count }}
                      />
                    </span>
                    <select
                      aria-label={t('dsImport.whatToDo', { key: l.key })}
                      value={labelMap[l.key] ?? ''}
                      onChange={(e) => setLabelMap((m) => ({ ...m, [l.key]: e.target.value }))}
                    >
                      <option value="">{t('dsImport.addNew')}</option>
                      {labels.map((k) => (
                        <option key={k.key} value={k.key}>
                          {t('dsImport.mapTo', { key: k.key })}
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
      {report && (
        <p role="status" className="ds-status">
          {describeReport(report, t)}
        </p>
      )}
      <div className="ds-actions">
        <button
          type="button"
          className="primary"
          disabled={!canImport}
          onClick={() => void runImport()}
        >
          <T id="dsImport.import" />
        </button>
      </div>
    </Dialog>
  );
}
