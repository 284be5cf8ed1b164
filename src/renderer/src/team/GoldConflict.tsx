/**
 * A document's gold in conflict (two adjudicators changed it apart): every
 * version, who made it and when, its spans, and "keep this version". Shown
 * in Review above the lanes until it is resolved.
 */
import { useState } from 'react';
import { cpSlice } from '@core/offsets.ts';
import { resolveConflict } from '../sync/runtime.ts';
import { useConflicts, useTeam } from './useTeam.ts';

const T = {
  title: 'Gold conflict: two versions of this document’s gold',
  intro:
    'Two adjudicators changed this gold while apart. Both versions are kept; the lanes show the first until you choose.',
  version: (by: string, at: number, summary: string) =>
    `${by}, ${new Date(at).toLocaleString()}: ${summary}`,
  keep: (by: string) => `Keep ${by}’s version`,
  onlyAdjudicators: 'Only adjudicators resolve gold conflicts.',
};

export function GoldConflict({
  docId,
  text,
}: {
  docId: string;
  text: string;
}): React.JSX.Element | null {
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
            <ul aria-label={`Spans of ${v.updatedBy}’s version`}>
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
