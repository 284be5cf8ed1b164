/**
 * The Team view: each analyst's progress (a table and a chart), and for
 * project leads, assigning the documents in the list to an analyst, blind
 * mode, and conflicts of the project settings to resolve.
 */
import { useState } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import { resolveConflict } from '../sync/runtime.ts';
import { assignDocuments, setBlindMode } from './team-actions.ts';
import { ProgressChart } from './ProgressChart.tsx';
import { useConflicts, useProgress, useProjectSettings, useTeam } from './useTeam.ts';
import { T as T_, useT, type Translate } from '../i18n/T.tsx';
import { errorWords } from '../i18n/problems.ts';

/** The view's words in the interface language. */
const texts = (t: Translate) => ({
  region: t('mode.team'),
  progress: t('team.progress'),
  analyst: t('fb.analyst'),
  done: t('status.done'),
  inProgress: t('status.in-progress'),
  notStarted: t('status.not-started'),
  of: (assigned: boolean) => (assigned ? t('team.assignedDocs') : t('team.allDocs')),
  notConnected: t('team.notConnected'),
  lead: t('team.lead'),
  assignTo: t('team.assignTo'),
  assign: (n: number) => t('team.assign', { count: n }),
  unassign: (n: number) => t('team.unassign', { count: n }),
  assigned: (n: number, who: string) => t('team.assigned', { count: n, who }),
  blind: t('team.blind'),
  conflicts: t('team.conflicts'),
  conflict: (kind: string) => t('team.conflict', { kind }),
  labelSet: t('team.labelSet'),
  projectSettings: t('team.projectSettings'),
  keep: (by: string) => t('team.keep', { by }),
});

export function TeamView({
  self,
  visibleIds,
}: {
  self: AnnotatorRecord;
  visibleIds: string[];
}): React.JSX.Element {
  const t = useT();
  const T = texts(t);
  const team = useTeam();
  const rows = useProgress();
  const settings = useProjectSettings();
  const conflicts = useConflicts('');
  const [who, setWho] = useState('');
  const [message, setMessage] = useState('');
  const lead = !!team.config?.roles.includes('lead');
  const analysts = (rows ?? []).map((r) => ({ id: r.id, name: r.name }));
  const target = who || analysts.find((a) => a.id !== self.id)?.id || self.id;

  const run = (p: Promise<string>): void => {
    setMessage('');
    p.then(setMessage, (e: unknown) => setMessage(errorWords(t, e)));
  };

  return (
    <section className="team-view" aria-label={T.region}>
      {!team.config && <p className="empty">{T.notConnected}</p>}
      <h2>{T.progress}</h2>
      {rows && (
        <>
          <table className="progress-table" aria-label={T.progress}>
            <thead>
              <tr>
                <th scope="col">{T.analyst}</th>
                <th scope="col">{T.done}</th>
                <th scope="col">{T.inProgress}</th>
                <th scope="col">{T.notStarted}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" dir="auto">
                    {r.name} <span className="note">({T.of(r.assigned)})</span>
                  </th>
                  <td>{r.done}</td>
                  <td>{r.inProgress}</td>
                  <td>{r.notStarted}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ProgressChart rows={rows} />
        </>
      )}
      {lead && (
        <fieldset className="lead-tools">
          <legend>{T.lead}</legend>
          <label>
            {T.assignTo}{' '}
            <select value={target} onChange={(e) => setWho(e.target.value)}>
              {analysts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={visibleIds.length === 0}
            onClick={() =>
              run(assignDocuments(visibleIds, target).then((n) => T.assigned(n, target)))
            }
          >
            {T.assign(visibleIds.length)}
          </button>
          <button
            type="button"
            disabled={visibleIds.length === 0}
            onClick={() =>
              run(assignDocuments(visibleIds, target, true).then((n) => T.assigned(n, target)))
            }
          >
            {T.unassign(visibleIds.length)}
          </button>
          <label className="blind">
            <input
              type="checkbox"
              checked={settings.blind}
              onChange={(e) => run(setBlindMode(e.target.checked).then(() => ''))}
            />{' '}
            {T.blind}
          </label>
        </fieldset>
      )}
      <p role="status">{message}</p>
      {conflicts.length > 0 && (
        <section aria-label={T.conflicts}>
          <h2>{T.conflicts}</h2>
          {conflicts.map((c) => (
            <div key={c.id} className="conflict">
              <p>
                {T.conflict(
                  c.kind === 'labels'
                    ? T.labelSet
                    : c.kind === 'settings'
                      ? T.projectSettings
                      : c.kind,
                )}
              </p>
              <ul>
                {c.versions.map((v) => (
                  <li key={v.rev}>
                    <T_
                      id="team.version"
                      values={{
                        by: <bdi>{v.updatedBy}</bdi>,
                        at: new Date(v.updatedAt),
                        summary: v.summary,
                      }}
                    />{' '}
                    <button
                      type="button"
                      disabled={!lead}
                      onClick={() => run(resolveConflict(c.id, v.rev).then((w) => w ?? ''))}
                    >
                      {T.keep(v.updatedBy)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </section>
  );
}
