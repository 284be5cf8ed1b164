/**
 * Feedback to one analyst: on every adjudicated document, where gold
 * differs from their own spans (missed, extra, other label, other extent),
 * and the counts per label, to learn the guidelines from.
 */
import { useMemo, useState } from 'react';
import {
  feedbackAgainstGold,
  feedbackCounts,
  type FeedbackKind,
} from '@core/agreement/feedback.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord, type StatusRecord } from '@core/model.ts';
import type { LabelDef } from '@core/model.ts';
import { LabelTag } from './AdjudicationList.tsx';
import type { Annotations } from './agreement-docs.ts';
import { Quote } from './Quote.tsx';
import type { MessageId } from '../i18n/catalogs.ts';
import { T, useT } from '../i18n/T.tsx';

/** The message naming each kind of difference from gold. */
export const FEEDBACK_TEXT: Record<FeedbackKind, MessageId> = {
  missed: 'fb.missed',
  extra: 'fb.extra',
  label: 'fb.label',
  extent: 'fb.extent',
};
const KINDS: FeedbackKind[] = ['missed', 'extra', 'label', 'extent'];

export interface AnalystFeedbackProps {
  self: AnnotatorRecord;
  annotators: AnnotatorRecord[];
  annotations: Annotations;
  gold: ReadonlyMap<string, StatusRecord>;
  titles: ReadonlyMap<string, string>;
  labels: LabelDef[];
  nameOf: (id: string) => string;
  onOpenReview: (docId: string) => void;
}

export function AnalystFeedback(p: AnalystFeedbackProps): React.JSX.Element {
  const analysts = p.annotators.filter((a) => a.id !== GOLD_ANNOTATOR_ID);
  const [picked, setPicked] = useState<string | null>(null);
  const t = useT();
  const who =
    picked ??
    (analysts.find((a) => a.id === p.self.id && hasWork(p.annotations, a.id)) ?? analysts[0])?.id ??
    null;
  const docs = useMemo(() => {
    if (!who) return [];
    const out = [];
    for (const [docId, byAnn] of p.annotations) {
      if (p.gold.get(docId)?.status !== 'done' || !byAnn.has(who)) continue;
      const f = feedbackAgainstGold(byAnn.get(who) ?? [], byAnn.get(GOLD_ANNOTATOR_ID) ?? []);
      out.push({ docId, f, spans: byAnn });
    }
    return out;
  }, [who, p.annotations, p.gold]);
  const counts = feedbackCounts(docs.map((d) => d.f));
  const quote = (
    spans: ReadonlyMap<
      string,
      readonly { start: number; end: number; label: string; quote: string }[]
    >,
    id: string,
    s: { start: number; end: number; label: string },
  ): string =>
    spans.get(id)?.find((x) => x.start === s.start && x.end === s.end && x.label === s.label)
      ?.quote ?? '';
  return (
    <section className="feedback" aria-labelledby="feedback-h">
      <h3 id="feedback-h">{t('fb.title')}</h3>
      <label>
        {t('fb.analyst')}{' '}
        <select value={who ?? ''} onChange={(e) => setPicked(e.target.value)}>
          {analysts.map((a) => (
            <option key={a.id} value={a.id}>
              {p.nameOf(a.id)}
            </option>
          ))}
        </select>
      </label>
      {docs.length === 0 ? (
        <p className="empty">{t('fb.none')}</p>
      ) : (
        <>
          <table aria-label={t('fb.table')}>
            <thead>
              <tr>
                <th scope="col">{t('spans.label')}</th>
                <th scope="col">{t('fb.matched')}</th>
                {KINDS.map((k) => (
                  <th scope="col" key={k}>
                    {t(FEEDBACK_TEXT[k])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Object.entries(counts).map(([label, c]) => (
                <tr key={label}>
                  <th scope="row">
                    <LabelTag label={label} labels={p.labels} />
                  </th>
                  <td className="n">{c.matched}</td>
                  {KINDS.map((k) => (
                    <td className="n" key={k}>
                      {c[k]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {docs
            .filter((d) => d.f.items.length > 0)
            .map((d) => (
              <article key={d.docId} className="feedback-doc">
                <h4>
                  <button
                    type="button"
                    className="link"
                    dir="auto"
                    onClick={() => p.onOpenReview(d.docId)}
                  >
                    {p.titles.get(d.docId) ?? d.docId}
                  </button>
                </h4>
                <ul aria-label={t('fb.inDoc', { title: p.titles.get(d.docId) ?? d.docId })}>
                  {d.f.items.map((it, i) => (
                    <li key={i} className={`fb fb-${it.kind}`}>
                      <span className="fb-kind">{t(FEEDBACK_TEXT[it.kind])}</span>
                      {it.gold && (
                        <span>
                          <T
                            id="fb.gold"
                            values={{
                              label: <LabelTag label={it.gold.label} labels={p.labels} />,
                              quote: <Quote text={quote(d.spans, GOLD_ANNOTATOR_ID, it.gold)} />,
                            }}
                          />
                        </span>
                      )}
                      {it.own && (
                        <span>
                          <T
                            id={it.gold ? 'fb.theirs' : 'fb.own'}
                            values={{
                              label: <LabelTag label={it.own.label} labels={p.labels} />,
                              quote: <Quote text={quote(d.spans, who!, it.own)} />,
                            }}
                          />
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </article>
            ))}
        </>
      )}
    </section>
  );
}

function hasWork(a: Annotations, id: string): boolean {
  for (const m of a.values()) if (m.has(id)) return true;
  return false;
}
