/**
 * The Analysis view: who holds which stance. The actors × labels table
 * (counts, each opening the statements behind it, with links to every
 * quote), stance over time (article date) and by outlet as charts,
 * filters, and the table saved as CSV. Statements annotators disagree on
 * are flagged and counted once (core/actors/analysis-units.ts).
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { analysisCsv } from '@core/actors/csv.ts';
import { SEVERAL_LABELS, type AnalysisFilter, type EvidenceSpan } from '@core/actors/analysis.ts';
import type { AnnotatorRecord } from '@core/model.ts';
import { GOLD_ANNOTATOR_ID } from '@core/model.ts';
import { useAnnotators } from '../hooks/useAnnotators.ts';
import { useLoadedLabels } from '../hooks/useLabels.ts';
import { useT } from '../i18n/T.tsx';
import { useNumber } from '../i18n/useNumber.ts';
import { saveText } from './actions.ts';
import { AnalysisFilters, NO_OUTLET, type FilterState } from './AnalysisFilters.tsx';
import { AnalysisTable, columnName, type CellRef } from './AnalysisTable.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { StanceChart, type ChartSeries } from './StanceChart.tsx';
import { useAnalysis } from './useAnalysis.ts';
import './analysis.css';
import { useHolderName } from './useHolderName.ts';
import { errorWords } from '../i18n/problems.ts';
import { useLabelName } from '../labels/useLabelName.ts';

const SEVERAL_COLOR = '#8c8c8c';

/** Props of AnalysisView. */
export interface AnalysisViewProps {
  self: AnnotatorRecord;
  /** Opens the article of an evidence span at the span. */
  onOpenSpan: (span: EvidenceSpan) => void;
}

/** The whole Analysis view. */
export function AnalysisView({ onOpenSpan }: AnalysisViewProps): React.JSX.Element {
  const t = useT();
  const num = useNumber();
  const holderName = useHolderName();
  const [f, setF] = useState<FilterState>({ who: '', outlet: '', from: '', to: '', bucket: 'day' });
  const [cell, setCell] = useState<CellRef | null>(null);
  const [message, setMessage] = useState('');
  const loaded = useLoadedLabels();
  const labels = useMemo(() => loaded ?? [], [loaded]);
  const annotators = useAnnotators();
  const filter = useMemo<AnalysisFilter>(
    () => ({
      annotators: f.who ? [f.who] : null,
      outlets: f.outlet ? [f.outlet === NO_OUTLET ? null : f.outlet] : null,
      from: f.from || null,
      to: f.to || null,
    }),
    [f],
  );
  const options = useMemo(
    () => (loaded ? { labels: loaded.map((l) => l.key), timeBucket: f.bucket } : null),
    [loaded, f.bucket],
  );
  const state = useAnalysis(filter, options);
  const nameOf = useLabelName();
  const labelNames = useMemo(
    () => new Map(labels.map((l) => [l.key, nameOf(l)])),
    [labels, nameOf],
  );
  const names = useMemo(
    () => new Map(annotators.map((a) => [a.id, a.id === GOLD_ANNOTATOR_ID ? 'gold' : a.name])),
    [annotators],
  );
  // The charts (a bar per day or outlet: hundreds of marks) render in a
  // second pass, so the table and totals paint first.
  const charted = useDeferredValue(state?.summary ?? null, null);
  if (!state) return <p className="empty">{t('analysis.loading')}</p>;
  // The table and charts paint from the summary; the evidence needs the whole view.
  const { summary: data, full, current } = state;

  const series: ChartSeries[] = data.columns.map((c) => ({
    key: c,
    name: columnName(c, labelNames, t),
    color:
      c === SEVERAL_LABELS ? SEVERAL_COLOR : (labels.find((l) => l.key === c)?.color ?? '#777'),
  }));
  const row = cell && data.rows.find((r) => r.key === cell.row);
  const exportCsv = (): void => {
    setMessage('');
    saveText(
      'stance-analysis.csv',
      analysisCsv(data, { labelNames: Object.fromEntries(labelNames) }),
    ).then(
      (where) => where && setMessage(t('analysis.saved', { where })),
      (e: unknown) => setMessage(errorWords(t, e)),
    );
  };

  return (
    <section className="analysis-view" aria-label={t('analysis.region')}>
      <AnalysisFilters
        value={f}
        onChange={(v) => {
          setF(v);
          setCell(null);
        }}
        annotators={annotators}
        outlets={data.outlets}
      />
      <div className="analysis-actions">
        <p role="status">
          {t('analysis.summary', {
            statements: data.totals.total,
            spans: data.spans,
            docs: data.documents,
          })}{' '}
          {t('analysis.disagreements', {
            label: data.disagreements.label,
            holder: data.disagreements.holder,
          })}
        </p>
        {!current && (
          <p role="status" className="analysis-updating">
            {t('analysis.updating')}
          </p>
        )}
        <button type="button" onClick={exportCsv} disabled={data.rows.length === 0 || !current}>
          {t('analysis.csv')}
        </button>
        <span role="status">{message}</span>
      </div>
      {data.rows.length === 0 ? (
        <p className="empty">{t('analysis.empty')}</p>
      ) : (
        <>
          <AnalysisTable
            view={data}
            current={current}
            labelNames={labelNames}
            selected={cell}
            onSelect={setCell}
          />
          {cell && row && !full && (
            <p className="empty" role="status">
              {t('analysis.evidenceLoading')}
            </p>
          )}
          {cell && row && full && (
            <EvidenceList
              view={full}
              docs={full.input.docs}
              actors={full.input.actors}
              units={full.rows.find((r) => r.key === cell.row)?.units[cell.column] ?? []}
              column={columnName(cell.column, labelNames, t)}
              holder={holderName(row.holder)}
              nameOf={(id) => names.get(id) ?? id}
              onOpen={onOpenSpan}
            />
          )}
          {charted && (
            <div className="analysis-charts">
              <StanceChart
                title={t('analysis.overTime')}
                fileName="stance-over-time"
                series={series}
                // The date bucket (2021-07-27) in the interface's digits.
                bars={charted.overTime.map((b) => ({
                  ...b,
                  name: b.bucket.replace(/\d/g, (d) => num(Number(d))),
                }))}
              />
              <StanceChart
                title={t('analysis.byOutlet')}
                fileName="stance-by-outlet"
                series={series}
                bars={charted.byOutlet.map((b) => ({
                  ...b,
                  name: b.outlet ?? t('analysis.noOutlet'),
                }))}
              />
            </div>
          )}
          {data.undated.total > 0 && (
            <p className="span-meta">{t('analysis.undated', { n: data.undated.total })}</p>
          )}
        </>
      )}
    </section>
  );
}
