/**
 * The header's sync state: not connected; synced; N changes waiting; or the
 * last error named (401, 403, unreachable). A click opens the team dialog.
 */
import { useState } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import type { TeamState } from '../sync/runtime.ts';
import { problemWords } from '../i18n/problems.ts';
import { useTeam } from './useTeam.ts';
import './team.css';
import { useT, type Translate } from '../i18n/T.tsx';
import { Lazy, lazyPart } from '../components/Lazy.tsx';

// Loaded on demand, the first time it opens (docs/architecture.md, What loads when).
const TeamDialog = lazyPart(
  () => import('./TeamDialog.tsx'),
  (m) => m.TeamDialog,
);

/** The status's words in the interface language. */
const texts = (t: Translate) => ({
  label: t('teamStatus.label'),
  offline: t('teamStatus.offline'),
  starting: t('teamStatus.starting'),
  synced: t('teamStatus.synced'),
  waiting: (n: number) => t('teamStatus.waiting', { count: n }),
  refused: (n: number) => t('teamStatus.refused', { count: n }),
  signedOut: t('teamStatus.signedOut'),
  unreachable: t('teamStatus.unreachable'),
  error: (code: number | string) => t('teamStatus.error', { code: String(code) }),
});

/** The words for a team state, in the language of `t`. */
export function syncText(s: TeamState, t: Translate): string {
  const T = texts(t);
  if (!s.config) return T.offline;
  if (s.signedOut) return T.signedOut;
  const st = s.status;
  if (!st) return T.starting;
  const refused = st.refused > 0 ? T.refused(st.refused) : '';
  if (st.lastError) {
    const head = st.lastError.code === 'unreachable' ? T.unreachable : T.error(st.lastError.code);
    return `${head}${st.waiting > 0 ? ` — ${T.waiting(st.waiting)}` : ''}${refused}`;
  }
  if (st.waiting > 0 || st.phase !== 'synced') return `${T.waiting(st.waiting)}${refused}`;
  return `${T.synced}${refused}`;
}

export function TeamStatus({ self }: { self: AnnotatorRecord }): React.JSX.Element {
  const team = useTeam();
  const t = useT();
  const T = texts(t);
  const [open, setOpen] = useState(false);
  const text = syncText(team, t);
  const tone = !team.config
    ? 'off'
    : team.signedOut || team.status?.lastError
      ? 'error'
      : text === T.synced
        ? 'ok'
        : 'busy';
  return (
    <>
      <button
        type="button"
        className={`team-status ${tone}`}
        aria-label={`${T.label}: ${text}`}
        title={
          (team.status?.lastError && problemWords(t, team.status.lastError.problem)) ??
          team.signedOut ??
          undefined
        }
        onClick={() => setOpen(true)}
      >
        <span role="status">{text}</span>
      </button>
      <Lazy kind="dialog">{open && <TeamDialog self={self} onClose={() => setOpen(false)} />}</Lazy>
    </>
  );
}
