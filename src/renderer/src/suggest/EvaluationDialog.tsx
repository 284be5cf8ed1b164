/**
 * The evaluation panel: each suggester's leave-one-document-out span F1
 * per label, exact and overlap (docs/agreement.md), with the documents and
 * spans each figure rests on; the threshold each suggester must pass to
 * switch on, which the analyst sees and changes; the tallies of accepted
 * and rejected suggestions; and the project's gazetteer.
 */
import type { LabelDef } from '@core/model.ts';
import type { SuggesterScore } from '@core/suggest/evaluate.ts';
import { SUGGESTERS, type SuggesterName } from '@core/suggest/types.ts';
import { Dialog } from '../components/Dialog.tsx';
import type { MessageId } from '../i18n/catalogs.ts';
import { useT } from '../i18n/T.tsx';
import { useNumber, type FormatNumber } from '../i18n/useNumber.ts';
import { GazetteerEditor } from './GazetteerEditor.tsx';
import { switchesFor, thresholdOf } from './service.ts';
import { switchWhyText } from './switch-why.ts';
import { ThresholdInput } from './ThresholdInput.tsx';
import { useSuggestState } from './store.ts';
import { useSuggestSettings } from './useSuggestSettings.ts';
import { useLabelName } from '../labels/useLabelName.ts';

const NAMES = {
  matcher: 'suggest.name.matcher',
  model: 'suggest.name.model',
  'cue-sentence': 'suggest.name.cue',
} as const satisfies Record<SuggesterName, MessageId>;

/** An F1 figure to three decimals in the interface's digits, or a dash when undefined. */
const fmt = (num: FormatNumber, v: number | null): string =>
  v === null ? '—' : num(v, { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** The evaluation dialog, over the workbench. */
export function EvaluationDialog({
  labels,
  onClose,
}: {
  labels: readonly LabelDef[];
  onClose: () => void;
}): React.JSX.Element {
  const t = useT();
  const nameOf = useLabelName();
  const num = useNumber();
  const st = useSuggestState();
  const { thresholds, tallies } = useSuggestSettings();
  const ev = st.evaluation;
  const switches = switchesFor(thresholds);
  const name = (key: string): string =>
    nameOf(
      labels.find((l) => l.key === key),
      key,
    );
  return (
    <Dialog title={t('suggest.evalTitle')} onClose={onClose} className="suggest-eval">
      {st.phase === 'evaluating' && <p role="status">{t('suggest.running')}</p>}
      {!ev ? (
        <p className="empty">{t('suggest.evalNone')}</p>
      ) : (
        <>
          <p>
            {t('suggest.basis', {
              docs: ev.documents,
              spans: ev.spans,
              scheme: ev.scheme,
              folds: ev.folds,
            })}
          </p>
          {SUGGESTERS.map((n) => {
            const score = ev.suggesters[n];
            const d = switches[n];
            return (
              score && (
                <section key={n} aria-label={t(NAMES[n])} className="suggest-eval-block">
                  <h3>{t('suggest.onOff', { name: t(NAMES[n]), on: String(!!d?.on) })}</h3>
                  {d && <p className="suggest-reason">{switchWhyText(t, num, d.why)}</p>}
                  <ThresholdInput
                    name={n}
                    label={t('suggest.threshold', { name: t(NAMES[n]) })}
                    value={thresholdOf(n, thresholds)}
                  />
                  <ScoreTable score={score} label={name} caption={t(NAMES[n])} />
                </section>
              )
            );
          })}
        </>
      )}
      <section aria-label={t('suggest.tallies')}>
        <h3>{t('suggest.tallies')}</h3>
        {Object.keys(tallies).length === 0 ? (
          <p className="empty">{t('suggest.noTallies')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('suggest.label')}</th>
                <th scope="col">{t('suggest.accepted')}</th>
                <th scope="col">{t('suggest.rejected')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(tallies).map(([key, n]) => (
                <tr key={key}>
                  <th scope="row">{name(key)}</th>
                  <td>{num(n.accepted)}</td>
                  <td>{num(n.rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <GazetteerEditor labels={labels} />
    </Dialog>
  );
}

/** One suggester's figures per label. */
function ScoreTable({
  score,
  label,
  caption,
}: {
  score: SuggesterScore;
  label: (key: string) => string;
  caption: string;
}): React.JSX.Element {
  const t = useT();
  const num = useNumber();
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('suggest.label')}</th>
          <th scope="col">{t('suggest.exact')}</th>
          <th scope="col">{t('suggest.overlap')}</th>
          <th scope="col">{t('suggest.docs')}</th>
          <th scope="col">{t('suggest.spans')}</th>
          <th scope="col">{t('suggest.proposed')}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(score.labels).map(([key, l]) => (
          <tr key={key}>
            <th scope="row">{label(key)}</th>
            <td>{fmt(num, l.f1_exact)}</td>
            <td>{fmt(num, l.f1_overlap)}</td>
            <td>{num(l.documents)}</td>
            <td>{num(l.reference)}</td>
            <td>{num(l.suggested)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('suggest.macro')}</th>
          <td>{fmt(num, score.macro.f1_exact)}</td>
          <td>{fmt(num, score.macro.f1_overlap)}</td>
          <td />
          <td>{num(score.reference)}</td>
          <td>{num(score.suggested)}</td>
        </tr>
      </tbody>
    </table>
  );
}
