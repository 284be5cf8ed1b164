/**
 * Edits one gold span: its label, and its extent a word at a time (the
 * workbench tokenizer's words), so gold extents stay on token boundaries,
 * and its holder, target and attribution (actors/GoldAttribution).
 */
import type { LabelDef, SpanRecord } from '@core/model.ts';
import type { Token } from '@core/tokenize.ts';
import { clearFailures, phrase, reportFailure } from '../failures.ts';
import { editGoldSpan, GOLD_EDIT_FAILURE } from './actions.ts';
import { GoldAttribution } from '../actors/GoldAttribution.tsx';
import { T, useT } from '../i18n/T.tsx';

export interface GoldSpanEditorProps {
  span: SpanRecord;
  /** The document's workbench tokens (tokensFor). */
  tokens: Token[];
  labels: LabelDef[];
}

export function GoldSpanEditor({ span, tokens, labels }: GoldSpanEditorProps): React.JSX.Element {
  const t = useT();
  const save = (change: { start?: number; end?: number; label?: string }): void => {
    editGoldSpan(span.id, change).then(
      () => clearFailures(GOLD_EDIT_FAILURE),
      (e: unknown) =>
        reportFailure(
          {
            key: GOLD_EDIT_FAILURE,
            what: phrase('failureTask.editGold', { quote: span.quote }),
            where: phrase('mode.review'),
          },
          e,
        ),
    );
  };
  const prevStart = [...tokens].reverse().find((t) => t.start < span.start)?.start;
  const nextStart = tokens.find((t) => t.start > span.start && t.start < span.end)?.start;
  const nextEnd = tokens.find((t) => t.end > span.end)?.end;
  const prevEnd = [...tokens].reverse().find((t) => t.end < span.end && t.end > span.start)?.end;
  const keys = labels.some((l) => l.key === span.label)
    ? labels.map((l) => l.key)
    : [span.label, ...labels.map((l) => l.key)];

  return (
    <div className="gold-editor" role="group" aria-label={t('gold.editing', { quote: span.quote })}>
      <label>
        {t('spans.label')}
        <select value={span.label} onChange={(e) => save({ label: e.target.value })}>
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={prevStart === undefined}
        onClick={() => save({ start: prevStart! })}
      >
        {t('gold.extendStart')}
      </button>
      <button
        type="button"
        disabled={nextStart === undefined}
        onClick={() => save({ start: nextStart! })}
      >
        {t('gold.shrinkStart')}
      </button>
      <button
        type="button"
        disabled={prevEnd === undefined}
        onClick={() => save({ end: prevEnd! })}
      >
        {t('gold.shrinkEnd')}
      </button>
      <button
        type="button"
        disabled={nextEnd === undefined}
        onClick={() => save({ end: nextEnd! })}
      >
        {t('gold.extendEnd')}
      </button>
      <span className="extent">
        <T id="gold.extent" values={{ start: span.start, end: span.end }} />
      </span>
      <GoldAttribution span={span} />
    </div>
  );
}
