/**
 * The spans behind a number: opened from any figure of the dashboard, it
 * lists per document the spans that produced it, how each is matched, and
 * links to the document's review view.
 */
import type { DocDisagreement } from '@core/agreement/disagreements.ts';
import type { AgreementDoc } from '@core/agreement/types.ts';
import type { LabelDef } from '@core/model.ts';
import { LabelTag } from './AdjudicationList.tsx';
import { KIND_TEXT } from './disagreement-text.ts';
import { spanEvidence, type EvidenceQuery } from './evidence.ts';
import { Quote } from './Quote.tsx';

export interface SpanEvidenceProps {
  title: string;
  query: EvidenceQuery;
  docs: AgreementDoc[];
  annotators: string[];
  titles: ReadonlyMap<string, string>;
  labels: LabelDef[];
  disagreementOf: (docId: string) => DocDisagreement | undefined;
  nameOf: (id: string) => string;
  onOpenReview: (docId: string) => void;
  onClose: () => void;
}

const MATCH_TEXT = { exact: 'exact match', overlap: 'overlaps only', none: 'unmatched' } as const;
const MAX_DOCS = 30;

export function SpanEvidence(p: SpanEvidenceProps): React.JSX.Element {
  const title = (docId: string): string => p.titles.get(docId) ?? docId;
  // Quotes are the spans' own (stored with each span): no article is read.
  const quoteOf = (
    docId: string,
    s: { annotatorId: string; start: number; end: number; label: string },
  ): string =>
    (
      p.docs.find((d) => d.id === docId)?.annotations.get(s.annotatorId) as
        readonly { start: number; end: number; label: string; quote?: string }[] | undefined
    )?.find((x) => x.start === s.start && x.end === s.end && x.label === s.label)?.quote ?? '';
  const q = p.query;
  const groups =
    q.kind === 'doc'
      ? [
          {
            docId: q.docId,
            items: (p.disagreementOf(q.docId)?.regions ?? [])
              .filter((r) => (q.only ? r.kinds.includes(q.only) : r.kinds.length > 0))
              .map((r) => ({
                key: `${r.start}-${r.end}`,
                head: `${r.kinds.map((k) => KIND_TEXT[k]).join('; ')}${r.absent.length > 0 ? ` (no span: ${r.absent.map(p.nameOf).join(', ')})` : ''}`,
                spans: r.spans.map((s) => ({ ...s, note: '' })),
              })),
          },
        ]
      : spanEvidence(p.docs, p.annotators, q).map((d) => ({
          docId: d.docId,
          items: [
            {
              key: 'all',
              head: '',
              spans: d.spans.map((s) => ({
                ...s,
                note:
                  q.kind === 'pair'
                    ? MATCH_TEXT[s.match]
                    : `agreed by ${s.agreedBy.length} of ${p.annotators.filter((a) => p.docs.find((x) => x.id === d.docId)?.annotations.has(a)).length}`,
              })),
            },
          ],
        }));

  return (
    <section className="evidence" role="dialog" aria-label={`Spans behind ${p.title}`}>
      <header>
        <h3>Spans behind {p.title}</h3>
        <button type="button" onClick={p.onClose}>
          Close
        </button>
      </header>
      {groups.length === 0 && (
        <p className="empty">No spans: the figure is undefined or there is nothing to compare.</p>
      )}
      {groups.slice(0, MAX_DOCS).map((g) => (
        <article key={g.docId} className="evidence-doc">
          <h4>
            <button
              type="button"
              className="link"
              dir="auto"
              onClick={() => p.onOpenReview(g.docId)}
            >
              {title(g.docId)}
            </button>
          </h4>
          {g.items.map((it) => (
            <div key={it.key}>
              {it.head && <p className="evidence-head">≠ {it.head}</p>}
              <ul>
                {it.spans.map((s, i) => (
                  <li key={i} className={`ev ev-${'match' in s ? String(s.match) : 'region'}`}>
                    <span className="who">{p.nameOf(s.annotatorId)}</span>
                    <LabelTag label={s.label} labels={p.labels} />
                    <Quote text={quoteOf(g.docId, s)} />
                    <span className="extent">
                      {s.start}–{s.end}
                    </span>
                    {s.note && <span className="note">{s.note}</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </article>
      ))}
      {groups.length > MAX_DOCS && (
        <p className="empty">
          …and {groups.length - MAX_DOCS} more documents; open them from the documents table.
        </p>
      )}
    </section>
  );
}
