/**
 * The agreement dashboard: choose annotators, see every figure of
 * docs/agreement.md as a chart (a bar per label) and a pair matrix, and the
 * documents sorted by disagreement. Every number opens the spans behind it;
 * every document opens its review view. Gold can be accepted in bulk here.
 */
import { AcceptAgreedControl } from './AcceptAgreedControl.tsx';
import { useMemo, useState } from 'react';
import { computeAgreement } from '@core/agreement/compute.ts';
import { classifyDisagreements } from '@core/agreement/disagreements.ts';
import { matchesQuery } from '@core/arabic-search.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord } from '@core/model.ts';
import { db } from '../db/db.ts';
import { acceptAllAgreed } from '../db/gold.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { DocumentsTable, type DocRow } from './DocumentsTable.tsx';
import type { EvidenceQuery } from './evidence.ts';
import { LabelBars } from './LabelBars.tsx';
import { PairMatrix, type PairMetric } from './PairMatrix.tsx';
import { SpanEvidence } from './SpanEvidence.tsx';
import { agreementDocs, annotatorName, useReviewData } from './useReviewData.ts';

export interface AgreementDashboardProps {
  self: AnnotatorRecord;
  onOpenReview: (docId: string) => void;
}

export function AgreementDashboard({
  self,
  onOpenReview,
}: AgreementDashboardProps): React.JSX.Element {
  const data = useReviewData();
  const labels = useLabels();
  // null: the default choice (everyone with annotations, gold excluded).
  const [picked, setPicked] = useState<string[] | null>(null);
  const [metric, setMetric] = useState<PairMetric>('kappa');
  const [pairLabel, setPairLabel] = useState<string | null>(null);
  const [evidence, setEvidence] = useState<{ q: EvidenceQuery; title: string } | null>(null);
  const [minAgree, setMinAgree] = useState(2);
  const [message, setMessage] = useState('');

  const active = useMemo(() => {
    const ids = new Set<string>();
    for (const byAnn of data?.annotations.values() ?? []) for (const a of byAnn.keys()) ids.add(a);
    return (data?.annotators ?? []).filter((a) => ids.has(a.id));
  }, [data]);
  const chosen = useMemo(
    () => picked ?? active.filter((a) => a.id !== GOLD_ANNOTATOR_ID).map((a) => a.id),
    [picked, active],
  );
  const ordered = useMemo(
    () => active.map((a) => a.id).filter((id) => chosen.includes(id)),
    [active, chosen],
  );
  const [query, setQuery] = useState('');
  const [onlyShared, setOnlyShared] = useState(false);
  const docs = useMemo(() => {
    if (!data) return [];
    return agreementDocs(data, ordered).filter((d) => {
      if (onlyShared && d.annotations.size < ordered.length) return false;
      if (query.trim() === '') return true;
      const doc = data.docs.get(d.id);
      return !!doc && matchesQuery(doc.folded, query);
    });
  }, [data, ordered, onlyShared, query]);
  const report = useMemo(
    () => computeAgreement(docs, { annotators: ordered, labels: labels.map((l) => l.key) }),
    [docs, ordered, labels],
  );
  const disagreements = useMemo(
    () => new Map(docs.map((d) => [d.id, classifyDisagreements(d.annotations)])),
    [docs],
  );
  const rows: DocRow[] = useMemo(
    () =>
      docs
        .map((d) => ({
          docId: d.id,
          title: data?.docs.get(d.id)?.title ?? d.id,
          annotators: d.annotations.size,
          d: disagreements.get(d.id)!,
        }))
        .sort(
          (x, y) =>
            y.d.score - x.d.score || y.annotators - x.annotators || x.title.localeCompare(y.title),
        ),
    [docs, data, disagreements],
  );

  if (!data) return <p className="loading">Computing agreement…</p>;
  const nameOf = (id: string): string =>
    id === self.id ? `${annotatorName(data, id)} (you)` : annotatorName(data, id);
  const toggle = (id: string): void =>
    setPicked(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  const open = (q: EvidenceQuery, title: string): void => setEvidence({ q, title });
  const proposers = ordered.filter((a) => a !== GOLD_ANNOTATOR_ID);

  const acceptAll = async (): Promise<void> => {
    const n = await acceptAllAgreed(
      db,
      docs.map((d) => d.id),
      minAgree,
      proposers,
    );
    setMessage(
      n === 0
        ? `No new span has at least ${minAgree} annotators agreeing exactly.`
        : `Accepted ${n} span${n === 1 ? '' : 's'} into gold across ${docs.length} documents.`,
    );
  };

  return (
    <section className="dashboard" aria-label="Agreement dashboard">
      <header className="dash-head">
        <h2>Agreement</h2>
        <fieldset className="layers">
          <legend>Annotators</legend>
          {active.map((a) => (
            <label key={a.id}>
              <input
                type="checkbox"
                checked={chosen.includes(a.id)}
                onChange={() => toggle(a.id)}
              />
              {nameOf(a.id)}
            </label>
          ))}
        </fieldset>
        <fieldset className="layers">
          <legend>Documents</legend>
          <label>
            Containing{' '}
            <input
              type="search"
              dir="auto"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="words in the title or text"
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={onlyShared}
              onChange={() => setOnlyShared(!onlyShared)}
            />
            Only documents every chosen annotator annotated
          </label>
        </fieldset>
        <p className="dash-scope" role="status">
          {countOf(report.documents, 'document')}, {countOf(ordered.length, 'annotator')}.{' '}
          {ordered.length < 2 && 'Choose at least two annotators to compare.'}
        </p>
      </header>
      {evidence && (
        <SpanEvidence
          title={evidence.title}
          query={evidence.q}
          docs={docs}
          annotators={ordered}
          data={data}
          labels={labels}
          disagreementOf={(id) => disagreements.get(id)}
          nameOf={nameOf}
          onOpenReview={onOpenReview}
          onClose={() => setEvidence(null)}
        />
      )}
      <div className="dash-figures">
        <LabelBars report={report} labels={labels} onOpen={open} />
        <PairMatrix
          report={report}
          metric={metric}
          onMetric={setMetric}
          label={pairLabel}
          onLabel={setPairLabel}
          nameOf={nameOf}
          onOpen={open}
        />
      </div>
      <div className="adjudicate-all">
        <AcceptAgreedControl
          proposers={proposers.length}
          minAgree={minAgree}
          onMinAgree={setMinAgree}
          onAccept={() => void acceptAll()}
          disabled={docs.length === 0}
          scope=", in every document"
        />
        <span role="status">{message}</span>
      </div>
      <DocumentsTable rows={rows} onOpenReview={onOpenReview} onOpen={open} />
      <p className="dash-note">
        Definitions: docs/agreement.md. “—” marks an undefined figure (for instance a label nobody
        used). The same numbers come from <code>npx stance agreement</code>.
      </p>
    </section>
  );
}

/** "1 document", "2 documents". */
function countOf(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
