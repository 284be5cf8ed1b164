/**
 * Edits one gold span: its label, and its extent a word at a time (the
 * workbench tokenizer's words), so gold extents stay on token boundaries,
 * and its holder, target and attribution (actors/GoldAttribution).
 */
import type { LabelDef, SpanRecord } from '@core/model.ts';
import type { Token } from '@core/tokenize.ts';
import { editGoldSpan } from './actions.ts';
import { GoldAttribution } from '../actors/GoldAttribution.tsx';

export interface GoldSpanEditorProps {
  span: SpanRecord;
  /** The document's workbench tokens (tokensFor). */
  tokens: Token[];
  labels: LabelDef[];
  onError: (message: string) => void;
}

export function GoldSpanEditor({
  span,
  tokens,
  labels,
  onError,
}: GoldSpanEditorProps): React.JSX.Element {
  const save = (change: { start?: number; end?: number; label?: string }): void => {
    onError('');
    editGoldSpan(span.id, change).catch((e: unknown) =>
      onError(e instanceof Error ? e.message : String(e)),
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
    <div className="gold-editor" role="group" aria-label={`Editing gold span “${span.quote}”`}>
      <label>
        Label
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
        Extend start by a word
      </button>
      <button
        type="button"
        disabled={nextStart === undefined}
        onClick={() => save({ start: nextStart! })}
      >
        Shrink start by a word
      </button>
      <button
        type="button"
        disabled={prevEnd === undefined}
        onClick={() => save({ end: prevEnd! })}
      >
        Shrink end by a word
      </button>
      <button
        type="button"
        disabled={nextEnd === undefined}
        onClick={() => save({ end: nextEnd! })}
      >
        Extend end by a word
      </button>
      <span className="extent">
        {span.start}–{span.end}
      </span>
      <GoldAttribution span={span} />
    </div>
  );
}
