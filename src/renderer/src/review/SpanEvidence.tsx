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
import type { MessageId } from '../i18n/catalogs.ts';
import { T, useT } from '../i18n/T.tsx';
import { useTitleText } from '../i18n/useTitleText.ts';

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

const MATCH_TEXT: Record<'exact' | 'overlap' | 'none', MessageId> = {
  exact: 'ev.exact',
  overlap: 'ev.overlap',
  none: 'ev.none',
};
const MAX_DOCS = 30;

export function SpanEvidence(p: SpanEvidenceProps): React.JSX.Element {
  const t = useT();
  const titleText = useTitleText();
  const sep = t('list.sep');
  const title = (docId: string): string =>
    p.titles.has(docId) ? titleText(p.titles.get(docId)) : docId;
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
                head:
                  r.kinds.map((k) => t(KIND_TEXT[k])).join(t('list.semi')) +
                  (r.absent.length > 0
                    ? t('ev.noSpan', { names: r.absent.map(p.nameOf).join(sep) })
                    : ''),
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
                    ? t(MATCH_TEXT[s.match])
                    : t('ev.agreedBy', {
                        n: s.agreedBy.length,
                        of: p.annotators.filter((a) =>
                          p.docs.find((x) => x.id === d.docId)?.annotations.has(a),
                        ).length,
                      }),
              })),
            },
          ],
        }));

  return (
    <section className="evidence" role="dialog" aria-label={t('ev.behind', { title: p.title })}>
      <header>
        <h3>{t('ev.behind', { title: p.title })}</h3>
        <button type="button" onClick={p.onClose}>
          {t('dialog.close')}
        </button>
      </header>
      {groups.length === 0 && <p className="empty">{t('ev.empty')}</p>}
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
                    <bdi className="who">{p.nameOf(s.annotatorId)}</bdi>
                    <LabelTag label={s.label} labels={p.labels} />
                    <Quote text={quoteOf(g.docId, s)} />
                    <span className="extent">
                      <T id="gold.extent" values={{ start: s.start, end: s.end }} />
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
        <p className="empty">{t('ev.more', { count: groups.length - MAX_DOCS })}</p>
      )}
    </section>
  );
}
