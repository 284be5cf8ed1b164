/**
 * The header's sync state: not connected; synced; N changes waiting; or the
 * last error named (401, 403, unreachable). A click opens the team dialog.
 */
import { useState } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import type { TeamState } from '../sync/runtime.ts';
import { TeamDialog } from './TeamDialog.tsx';
import { useTeam } from './useTeam.ts';
import './team.css';

const T = {
  label: 'Team sync',
  offline: 'Team: not connected',
  starting: 'Team: connecting…',
  synced: 'Synced',
  waiting: (n: number) => `${n} change${n === 1 ? '' : 's'} waiting`,
  refused: (n: number) => `, ${n} refused`,
  signedOut: 'Signed out: sign in to sync',
  unreachable: 'Server unreachable',
  error: (code: number | string) => `Sync error ${code}`,
};

/** The words for a team state (exported for the e2e test of each). */
export function syncText(s: TeamState): string {
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
  const [open, setOpen] = useState(false);
  const text = syncText(team);
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
        title={team.status?.lastError?.message ?? team.signedOut ?? undefined}
        onClick={() => setOpen(true)}
      >
        <span role="status">{text}</span>
      </button>
      {open && <TeamDialog self={self} onClose={() => setOpen(false)} />}
    </>
  );
}
