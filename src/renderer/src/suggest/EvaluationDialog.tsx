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
import { saveThreshold } from './actions.ts';
import { GazetteerEditor } from './GazetteerEditor.tsx';
import { switchesFor, thresholdOf } from './service.ts';
import { useSuggestState } from './store.ts';
import { useSuggestSettings } from './useSuggestSettings.ts';

const T = {
  title: 'Suggestion evaluation',
  none: 'No figures yet: label some spans (the suggesters learn from your own spans).',
  running: 'Measuring…',
  basis: (docs: number, spans: number, scheme: string, folds: number) =>
    `Held out by document (${scheme}, ${folds} fold(s)): ${docs} document(s), ${spans} of your spans.`,
  names: { matcher: 'Matcher', model: 'Model', 'cue-sentence': 'Cue-sentence baseline' },
  label: 'Label',
  exact: 'F1 exact',
  overlap: 'F1 overlap',
  docs: 'Documents',
  spans: 'Spans',
  proposed: 'Proposed',
  macro: 'Macro',
  threshold: (n: string) => `Threshold for ${n} (held-out overlap F1)`,
  on: 'On',
  off: 'Off',
  tallies: 'Accepted and rejected suggestions',
  accepted: 'Accepted',
  rejected: 'Rejected',
  noTallies: 'None yet.',
} as const;

const fmt = (v: number | null): string => (v === null ? '—' : v.toFixed(3));

/** The evaluation dialog, over the workbench. */
export function EvaluationDialog({
  labels,
  onClose,
}: {
  labels: readonly LabelDef[];
  onClose: () => void;
}): React.JSX.Element {
  const st = useSuggestState();
  const { thresholds, tallies } = useSuggestSettings();
  const ev = st.evaluation;
  const switches = switchesFor(thresholds);
  const name = (key: string): string => labels.find((l) => l.key === key)?.name ?? key;
  return (
    <Dialog title={T.title} onClose={onClose} className="suggest-eval">
      {st.phase === 'evaluating' && <p role="status">{T.running}</p>}
      {!ev ? (
        <p className="empty">{T.none}</p>
      ) : (
        <>
          <p>{T.basis(ev.documents, ev.spans, ev.scheme, ev.folds)}</p>
          {SUGGESTERS.map((n) => {
            const score = ev.suggesters[n];
            const d = switches[n];
            return (
              score && (
                <section key={n} aria-label={T.names[n]} className="suggest-eval-block">
                  <h3>
                    {T.names[n]}: {d?.on ? T.on : T.off}
                  </h3>
                  <p className="suggest-reason">{d?.reason}</p>
                  <Threshold name={n} value={thresholdOf(n, thresholds)} />
                  <ScoreTable score={score} label={name} caption={T.names[n]} />
                </section>
              )
            );
          })}
        </>
      )}
      <section aria-label={T.tallies}>
        <h3>{T.tallies}</h3>
        {Object.keys(tallies).length === 0 ? (
          <p className="empty">{T.noTallies}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{T.label}</th>
                <th scope="col">{T.accepted}</th>
                <th scope="col">{T.rejected}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(tallies).map(([key, t]) => (
                <tr key={key}>
                  <th scope="row">{name(key)}</th>
                  <td>{t.accepted}</td>
                  <td>{t.rejected}</td>
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

/** The editable threshold of one suggester. */
function Threshold({ name, value }: { name: SuggesterName; value: number }): React.JSX.Element {
  return (
    <label className="suggest-threshold">
      {T.threshold(T.names[name])}{' '}
      <input
        type="number"
        min={0}
        max={1}
        step={0.05}
        defaultValue={value}
        key={value}
        onChange={(e) => {
          const v = e.currentTarget.valueAsNumber;
          if (Number.isFinite(v) && v >= 0 && v <= 1) void saveThreshold(name, v);
        }}
      />
    </label>
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
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{T.label}</th>
          <th scope="col">{T.exact}</th>
          <th scope="col">{T.overlap}</th>
          <th scope="col">{T.docs}</th>
          <th scope="col">{T.spans}</th>
          <th scope="col">{T.proposed}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(score.labels).map(([key, l]) => (
          <tr key={key}>
            <th scope="row">{label(key)}</th>
            <td>{fmt(l.f1_exact)}</td>
            <td>{fmt(l.f1_overlap)}</td>
            <td>{l.documents}</td>
            <td>{l.reference}</td>
            <td>{l.suggested}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{T.macro}</th>
          <td>{fmt(score.macro.f1_exact)}</td>
          <td>{fmt(score.macro.f1_overlap)}</td>
          <td />
          <td>{score.reference}</td>
          <td>{score.suggested}</td>
        </tr>
      </tbody>
    </table>
  );
}
