/**
 * Connecting to a team project (server, project, user, password), and once
 * connected: what this profile is connected as, the sync state with the
 * last error in words, signing in again, refused changes, disconnecting.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import { connectTeam, disconnectTeam, forgetRefused, signInAgain } from './team-actions.ts';
import { syncText } from './TeamStatus.tsx';
import { errorWords, problemWords } from '../i18n/problems.ts';
import { useTeam } from './useTeam.ts';
import { useT, type Translate } from '../i18n/T.tsx';

/** The dialog's words in the interface language. */
const texts = (t: Translate) => ({
  title: t('teamDlg.title'),
  intro: t('teamDlg.intro'),
  server: t('teamDlg.server'),
  project: t('teamDlg.project'),
  user: t('teamDlg.user'),
  password: t('teamDlg.password'),
  connect: t('teamDlg.connect'),
  connecting: t('teamDlg.connecting'),
  close: t('dialog.close'),
  connectedAs: (user: string, roles: string) => t('teamDlg.connectedAs', { user, roles }),
  to: (project: string, server: string) => t('teamDlg.to', { project, server }),
  syncState: t('teamDlg.syncState'),
  signIn: t('teamDlg.signIn'),
  refused: (n: number, why: string) => t('teamDlg.refused', { count: n, why }),
  forget: t('teamDlg.forget'),
  disconnect: t('teamDlg.disconnect'),
  disconnectNote: t('teamDlg.disconnectNote'),
  rejected: (n: number, first: string) => t('teamDlg.rejected', { count: n, first }),
});

export function TeamDialog({
  self,
  onClose,
}: {
  self: AnnotatorRecord;
  onClose: () => void;
}): React.JSX.Element {
  const t = useT();
  const T = texts(t);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const team = useTeam();
  const [server, setServer] = useState(team.config?.server ?? 'https://');
  const [project, setProject] = useState(team.config?.project ?? '');
  const [user, setUser] = useState(team.config?.user ?? self.id);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  async function connect(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await connectTeam({ server, project, user, password }, self.id).catch(
      (err: unknown) => ({ ok: false as const, message: errorWords(t, err), problem: undefined }),
    );
    setBusy(false);
    setPassword('');
    if (!r.ok) setError(r.problem ? problemWords(t, r.problem) : r.message);
  }

  async function again(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    const why = await signInAgain(password);
    setBusy(false);
    setPassword('');
    setError(why);
  }

  const st = team.status;
  return (
    <dialog ref={ref} className="team-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{T.title}</h2>
      {!team.config ? (
        <form onSubmit={(e) => void connect(e)}>
          <p>{T.intro}</p>
          <label>
            {T.server}
            <input value={server} onChange={(e) => setServer(e.target.value)} type="url" required />
          </label>
          <label>
            {T.project}
            <input value={project} onChange={(e) => setProject(e.target.value)} required />
          </label>
          <label>
            {T.user}
            <input value={user} onChange={(e) => setUser(e.target.value)} dir="auto" required />
          </label>
          <label>
            {T.password}
            <input value={password} onChange={(e) => setPassword(e.target.value)} type="password" />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? T.connecting : T.connect}
          </button>
        </form>
      ) : (
        <div className="team-details">
          <p>{T.connectedAs(team.config.user, team.config.roles.join(', '))}</p>
          <p>{T.to(team.config.project, team.config.server)}</p>
          <p role="status" aria-label={T.syncState}>
            {syncText(team, t)}
          </p>
          {(team.signedOut ?? st?.lastError) && (
            <p className="error">
              {team.signedOut ?? (st?.lastError && problemWords(t, st.lastError.problem))}
            </p>
          )}
          {team.signedOut && (
            <form onSubmit={(e) => void again(e)}>
              <label>
                {T.password}
                <input
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  type="password"
                />
              </label>
              <button type="submit" disabled={busy}>
                {T.signIn}
              </button>
            </form>
          )}
          {st && st.refused > 0 && (
            <p className="error">
              {T.refused(st.refused, st.refusedReason ?? '')}{' '}
              <button type="button" onClick={() => void forgetRefused()}>
                {T.forget}
              </button>
            </p>
          )}
          {st && st.rejected.length > 0 && (
            <p className="error">
              {T.rejected(st.rejected.length, `${st.rejected[0]!.id}: ${st.rejected[0]!.problem}`)}
            </p>
          )}
          <p className="note">{T.disconnectNote}</p>
          <button type="button" onClick={() => void disconnectTeam()}>
            {T.disconnect}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="button" className="close" onClick={() => ref.current?.close()}>
        {T.close}
      </button>
    </dialog>
  );
}
