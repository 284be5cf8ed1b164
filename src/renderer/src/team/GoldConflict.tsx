/**
 * A document's gold in conflict (two adjudicators changed it apart): every
 * version, who made it and when, its spans, and "keep this version". Shown
 * in Review above the lanes until it is resolved.
 */
import { useState } from 'react';
import { cpSlice } from '@core/offsets.ts';
import { resolveConflict } from '../sync/runtime.ts';
import { useConflicts, useTeam } from './useTeam.ts';
import { useT, type Translate } from '../i18n/T.tsx';

/** The section's words in the interface language. */
const texts = (t: Translate) => ({
  title: t('goldConflict.title'),
  intro: t('goldConflict.intro'),
  version: (by: string, at: number, summary: string) =>
    t('team.versionText', { by, at: new Date(at), summary }),
  keep: (by: string) => t('goldConflict.keep', { by }),
  spansOf: (by: string) => t('goldConflict.spansOf', { by }),
  onlyAdjudicators: t('goldConflict.only'),
});

export function GoldConflict({
  docId,
  text,
}: {
  docId: string;
  text: string;
}): React.JSX.Element | null {
  const T = texts(useT());
  const conflicts = useConflicts(docId).filter((c) => c.kind === 'gold');
  const team = useTeam();
  const [message, setMessage] = useState('');
  const c = conflicts[0];
  if (!c) return null;
  const may = !!team.config?.roles.includes('adjudicator');
  return (
    <section className="gold-conflict" role="region" aria-label={T.title}>
      <h3>{T.title}</h3>
      <p>{T.intro}</p>
      <ul>
        {c.versions.map((v) => (
          <li key={v.rev}>
            <p>{T.version(v.updatedBy, v.updatedAt, v.summary)}</p>
            <ul aria-label={T.spansOf(v.updatedBy)}>
              {(v.spans ?? []).map((s) => (
                <li key={s.id} dir="rtl" lang="ar">
                  {s.label}: {cpSlice(text, s.start, s.end)}
                </li>
              ))}
            </ul>
            <button
              type="button"
              disabled={!may}
              onClick={() => {
                setMessage('');
                void resolveConflict(c.id, v.rev).then((why) => setMessage(why ?? ''));
              }}
            >
              {T.keep(v.updatedBy)}
            </button>
          </li>
        ))}
      </ul>
      {!may && <p className="note">{T.onlyAdjudicators}</p>}
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
    </section>
  );
}
