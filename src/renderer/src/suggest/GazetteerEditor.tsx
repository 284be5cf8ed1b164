/**
 * The gazetteer, editable: the analyst's own cue phrases per label, one
 * phrase a line under each label, and beside them the phrases colleagues
 * of the team project listed (read-only, with who listed each). The
 * matcher proposes every listed phrase, the analyst's and colleagues',
 * even before anyone labels it; the cue-sentence baseline uses them as
 * cues. Saved only when every line is valid; the problems are listed,
 * each naming where.
 */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { LabelDef } from '@core/model.ts';
import type { Problem } from '@core/problems/problem.ts';
import { useProblemWords } from '../i18n/problems.ts';
import { saveGazetteer } from './actions.ts';
import { useT } from '../i18n/T.tsx';
import { useAnnotators } from '../hooks/useAnnotators.ts';
import { useSelf } from '../hooks/useSelf.ts';
import { useGazetteerUnion, useOwnGazetteer } from './useGazetteers.ts';
import { useLabelName } from '../labels/useLabelName.ts';

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
  const labelName = useLabelName();
  const intl = useIntl();
  const self = useSelf();
  const selfId = self?.id ?? null;
  const gazetteer = useOwnGazetteer(selfId);
  const { authors } = useGazetteerUnion();
  const annotators = useAnnotators();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Problem[] | null>(null);
  const words = useProblemWords();
  const stored = JSON.stringify(gazetteer);
  useEffect(() => {
    const g = JSON.parse(stored) as Record<string, string[]>;
    setDraft(Object.fromEntries(Object.entries(g).map(([k, v]) => [k, v.join('\n')])));
  }, [stored]);
  const nameOf = (id: string): string => annotators.find((a) => a.id === id)?.name ?? id;
  /** Colleagues' phrases of a label: each phrase with who listed it (not this analyst). */
  const colleagues = (label: string): [string, string[]][] =>
    Object.entries(authors[label] ?? {})
      .map(([phrase, ids]) => [phrase, ids.filter((id) => id !== selfId)] as [string, string[]])
      .filter(([, ids]) => ids.length > 0);
  const save = async (): Promise<void> => {
    if (!selfId) return;
    const value = Object.fromEntries(
      Object.entries(draft)
        .map(([k, v]) => [k, phrasesOf(v)] as const)
        .filter(([, v]) => v.length > 0),
    );
    setResult(await saveGazetteer(selfId, JSON.stringify(value)));
  };
  return (
    <section aria-label={t('suggest.gazetteer')} className="suggest-gazetteer">
      <h3>{t('suggest.gazetteer')}</h3>
      <p className="empty">{t('suggest.gazetteerHelp')}</p>
      <p className="empty">{t('suggest.gazetteerTeam')}</p>
      {labels.map((l) => {
        const theirs = colleagues(l.key);
        return (
          <div key={l.key} className="suggest-cues">
            <label>
              {t('suggest.phrases', { label: labelName(l) })}
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
            {theirs.length > 0 && (
              <ul
                aria-label={t('suggest.colleaguePhrases', { label: labelName(l) })}
                className="suggest-colleague-cues"
              >
                {theirs.map(([phrase, ids]) => (
                  <li key={phrase}>
                    <bdi dir="rtl" lang="ar">
                      {phrase}
                    </bdi>{' '}
                    <span className="suggest-cue-by">
                      {t('suggest.listedBy', { names: intl.formatList(ids.map(nameOf)) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
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
                {result.map((r, i) => (
                  <li key={i}>{words(r)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
