/**
 * Adjudication of a gold span's attribution: the holder actor (or free
 * text), target and attribution kind, settled with the span (db/gold.ts
 * settleGoldAttribution). Shown in the Review view's gold span editor.
 */
import { useState } from 'react';
import { ATTRIBUTION_KINDS, type AttributionKind, type SpanRecord } from '@core/model.ts';
import { settleGold } from './actions.ts';
import { useT } from '../i18n/T.tsx';
import { ATTRIBUTION_NAMES } from './ProposalBox.tsx';
import { useActors, useHolderActorId } from './useActors.ts';
import { errorWords } from '../i18n/problems.ts';

/** The gold span's holder, target and attribution kind, each saved when changed. */
export function GoldAttribution({ span }: { span: SpanRecord }): React.JSX.Element {
  const t = useT();
  const actors = useActors();
  const holderId = useHolderActorId()(span.holderActorId);
  const [target, setTarget] = useState(span.target ?? '');
  const [error, setError] = useState('');
  const settle = (patch: Parameters<typeof settleGold>[1]): void => {
    setError('');
    settleGold(span.id, patch).catch((e: unknown) => setError(errorWords(t, e)));
  };
  return (
    <div className="gold-attribution" role="group" aria-label={t('actors.goldRegion')}>
      <label>
        {t('actors.goldHolder')}
        <select
          value={holderId ?? ''}
          onChange={(e) => settle({ actorId: e.target.value || null })}
        >
          <option value="">
            {span.holder && !span.holderActorId ? span.holder : t('actors.noActor')}
          </option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.nameAr || a.nameEn}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('actors.goldTarget')}
        <input
          dir="auto"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          onBlur={() => target !== (span.target ?? '') && settle({ target: target || null })}
        />
      </label>
      <label>
        {t('actors.goldRegion')}
        <select
          value={span.attribution ?? ''}
          onChange={(e) =>
            settle({ attribution: (e.target.value || null) as AttributionKind | null })
          }
        >
          <option value="">{t('actors.noKind')}</option>
          {ATTRIBUTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(ATTRIBUTION_NAMES[k])}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
