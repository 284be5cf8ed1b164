/**
 * The agreement dashboard: choose annotators, see every figure of
 * docs/agreement.md with its 95 % interval and the units and tokens it
 * rests on (a dot plot of α per label, a heat map of the pair figures),
 * adjudication progress, the documents sorted by disagreement, and
 * feedback against gold. Every mark opens the spans behind it; every
 * document opens its review. Reads spans, statuses and stored tokens,
 * never the articles (useAgreementData).
 */
import { DEFAULT_RESAMPLES, DEFAULT_SEED } from '@core/agreement/bootstrap.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord, type LabelDef } from '@core/model.ts';
import { useLoadedLabels } from '../hooks/useLabels.ts';
import { useState } from 'react';
import { AcceptAgreedControl } from './AcceptAgreedControl.tsx';
import { acceptAllAgreed } from './actions.ts';
import { AlphaDotPlot } from './AlphaDotPlot.tsx';
import { AnalystFeedback } from './AnalystFeedback.tsx';
import { nameIn } from './annotators.ts';
import { DocumentsTable } from './DocumentsTable.tsx';
import type { EvidenceQuery } from './evidence.ts';
import { PairMatrix, type PairMetric } from './PairMatrix.tsx';
import { SpanEvidence } from './SpanEvidence.tsx';
import { TokenBasisNote } from './TokenBasisNote.tsx';
import { useDashboardView } from './useDashboardView.ts';
import { T, useT } from '../i18n/T.tsx';

const NO_LABELS: LabelDef[] = [];

export interface AgreementDashboardProps {
  self: AnnotatorRecord;
  onOpenReview: (docId: string) => void;
}

export function AgreementDashboard({
  self,
  onOpenReview,
}: AgreementDashboardProps): React.JSX.Element {
  const loaded = useLoadedLabels();
  const labels = loaded ?? NO_LABELS;
  // null: the default choice (everyone with annotations, gold excluded).
  const [picked, setPicked] = useState<string[] | null>(null);
  const [metric, setMetric] = useState<PairMetric>('kappa');
  const [pairLabel, setPairLabel] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<{ q: EvidenceQuery; title: string } | null>(null);
  const [minAgree, setMinAgree] = useState(2);
  const [message, setMessage] = useState('');
  const [query, setQuery] = useState('');
  const [onlyShared, setOnlyShared] = useState(false);
  const t = useT();
  const { view, data, docs, disagreementOf } = useDashboardView({
    picked,
    query,
    onlyShared,
    labels: loaded,
  });

  if (!view) return <p className="loading">{t('agreement.computing')}</p>;
  const { active, ordered, report, ci, progress, rows, current } = view;
  const chosen = picked ?? ordered;
  const nameOf = (id: string): string =>
    id === self.id
      ? t('export.you', { name: nameIn(view.annotators, id) })
      : nameIn(view.annotators, id);
  const toggle = (id: string): void =>
    setPicked(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  // The spans behind a figure need the live data: until it is read, nothing opens.
  const open = (q: EvidenceQuery, title: string): void => {
    if (data) setEvidence({ q, title });
  };
  const proposers = ordered.filter((a) => a !== GOLD_ANNOTATOR_ID);
  const adjudicated = rows.filter((r) => r.gold.state === 'adjudicated').length;

  const acceptAll = async (): Promise<void> => {
    const n = await acceptAllAgreed(
      docs.map((d) => d.id),
      minAgree,
      proposers,
    );
    setMessage(
      n === 0
        ? t('review.noneAgree', { n: minAgree })
        : t('agreement.accepted', { count: n, docs: docs.length }),
    );
  };

  return (
    <section className="dashboard" aria-label={t('agreement.dashboard')}>
      <header className="dash-head">
        <h2>{t('mode.agreement')}</h2>
        <fieldset className="layers">
          <legend>{t('export.annotators')}</legend>
          {active.map((a) => (
            <label key={a.id}>
              <input
                type="checkbox"
                checked={chosen.includes(a.id)}
                onChange={() => toggle(a.id)}
              />
              <bdi>{nameOf(a.id)}</bdi>
            </label>
          ))}
        </fieldset>
        <fieldset className="layers">
          <legend>{t('export.documents')}</legend>
          <label className="dash-search">
            {t('agreement.containing')}
            <input
              type="search"
              dir="auto"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('agreement.searchPlaceholder')}
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={onlyShared}
              onChange={() => setOnlyShared(!onlyShared)}
            />
            {t('agreement.onlyShared')}
          </label>
        </fieldset>
        <p className="dash-scope" role="status">
          {t('agreement.scope', { docs: report.documents, annotators: ordered.length })}{' '}
          {ordered.length < 2 && t('agreement.chooseTwo')}
        </p>
        {ordered.length >= 2 && <TokenBasisNote report={report} nameOf={nameOf} />}
      </header>
      {!current && (
        <p role="status" className="dash-updating">
          {t('agreement.updating')}
        </p>
      )}
      {evidence && data && (
        <SpanEvidence
          title={evidence.title}
          query={evidence.q}
          docs={docs}
          annotators={ordered}
          titles={data.titles}
          labels={labels}
          disagreementOf={disagreementOf}
          nameOf={nameOf}
          onOpenReview={onOpenReview}
          onClose={() => setEvidence(null)}
        />
      )}
      <p className="ci-status" aria-live="polite">
        {ordered.length < 2
          ? ''
          : ci
            ? t('agreement.intervals', {
                resamples: ci.resamples,
                docs: ci.documents,
                seed: ci.seed,
              })
            : t('agreement.computingIntervals', {
                resamples: DEFAULT_RESAMPLES,
                seed: DEFAULT_SEED,
                progress,
              })}
      </p>
      <div className="dash-figures">
        <AlphaDotPlot report={report} ci={ci} labels={labels} onOpen={open} />
        <PairMatrix
          report={report}
          ci={ci}
          metric={metric}
          onMetric={setMetric}
          label={pairLabel}
          onLabel={setPairLabel}
          nameOf={nameOf}
          onOpen={open}
        />
      </div>
      <section className="progress" aria-labelledby="progress-h">
        <h3 id="progress-h">{t('agreement.adjudication')}</h3>
        <label className="progress-bar">
          <span>{t('agreement.adjudicated', { n: adjudicated, count: rows.length })}</span>
          <progress max={Math.max(1, rows.length)} value={adjudicated} />
        </label>
        <div className="adjudicate-all">
          <AcceptAgreedControl
            proposers={proposers.length}
            minAgree={minAgree}
            onMinAgree={setMinAgree}
            onAccept={() => void acceptAll()}
            disabled={!data || docs.length === 0}
            everyDocument
          />
          <span role="status">{message}</span>
        </div>
      </section>
      <DocumentsTable rows={rows} onOpenReview={onOpenReview} onOpen={open} />
      {data ? (
        <AnalystFeedback
          self={self}
          annotators={active}
          annotations={data.annotations}
          gold={data.gold}
          titles={data.titles}
          labels={labels}
          nameOf={nameOf}
          onOpenReview={onOpenReview}
        />
      ) : (
        <p className="loading">{t('agreement.computing')}</p>
      )}
      <p className="dash-note">
        <T
          id="agreement.note"
          values={{
            cmd: (
              <code dir="ltr">
                {/* A command line, the same in every language. */}
                {CLI}
              </code>
            ),
          }}
        />
      </p>
    </section>
  );
}

/** The CLI command that gives the same figures. */
const CLI = 'npx stance agreement FILE… --ci';
