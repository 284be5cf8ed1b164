/**
 * The project's gazetteer, editable: cue phrases per label, one phrase a
 * line under each label. The matcher proposes a listed phrase even before
 * anyone labels it; the cue-sentence baseline uses these cues. Saved only
 * when every line is valid; the problems are listed, each naming where.
 */
import { useEffect, useState } from 'react';
import type { LabelDef } from '@core/model.ts';
import { saveGazetteer } from './actions.ts';
import { useT } from '../i18n/T.tsx';
import { useSuggestSettings } from './useSuggestSettings.ts';

/** Lines of a textarea as phrases: trimmed, blank lines dropped. */
function phrasesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** The gazetteer editor (in the evaluation dialog). */
export function GazetteerEditor({ labels }: { labels: readonly LabelDef[] }): React.JSX.Element {
  const t = useT();
  const { gazetteer } = useSuggestSettings();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [result, setResult] = useState<string[] | null>(null);
  const stored = JSON.stringify(gazetteer);
  useEffect(() => {
    const g = JSON.parse(stored) as Record<string, string[]>;
    setDraft(Object.fromEntries(Object.entries(g).map(([k, v]) => [k, v.join('\n')])));
  }, [stored]);
  const save = async (): Promise<void> => {
    const value = Object.fromEntries(
      Object.entries(draft)
        .map(([k, v]) => [k, phrasesOf(v)] as const)
        .filter(([, v]) => v.length > 0),
    );
    setResult(await saveGazetteer(JSON.stringify(value)));
  };
  return (
    <section aria-label={t('suggest.gazetteer')} className="suggest-gazetteer">
      <h3>{t('suggest.gazetteer')}</h3>
      <p className="empty">{t('suggest.gazetteerHelp')}</p>
      {labels.map((l) => (
        <label key={l.key} className="suggest-cues">
          {t('suggest.phrases', { label: l.name })}
          <textarea
            dir="rtl"
            lang="ar"
            rows={3}
            value={draft[l.key] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setDraft((d) => ({ ...d, [l.key]: v }));
              setResult(null);
            }}
          />
        </label>
      ))}
      <button type="button" onClick={() => void save()}>
        {t('suggest.savePhrases')}
      </button>
      {result && (
        <div role="status">
          {result.length === 0 ? (
            t('suggest.saved')
          ) : (
            <>
              {t('suggest.problems')}
              <ul>
                {result.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
