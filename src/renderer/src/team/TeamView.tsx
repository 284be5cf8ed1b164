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

const T = {
  region: 'Team',
  progress: 'Progress',
  analyst: 'Analyst',
  done: 'Done',
  inProgress: 'In progress',
  notStarted: 'Not started',
  of: (assigned: boolean) => (assigned ? 'assigned documents' : 'all documents'),
  notConnected:
    'Connect to a team project (the Team sync button above) to share work, assign documents and follow progress.',
  lead: 'Lead tools',
  assignTo: 'Assign to',
  assign: (n: number) => `Assign the ${n} document${n === 1 ? '' : 's'} in the list`,
  unassign: (n: number) => `Unassign the ${n} document${n === 1 ? '' : 's'} in the list`,
  assigned: (n: number, who: string) => `${n} assignment${n === 1 ? '' : 's'} changed for ${who}.`,
  blind:
    'Blind mode: colleagues’ labels stay hidden from an analyst until they mark the document done',
  conflicts: 'Conflicting project settings',
  conflict: (kind: string) => `Two versions of the ${kind}`,
  keep: (by: string) => `Keep the version by ${by}`,
};

export function TeamView({
  self,
  visibleIds,
}: {
  self: AnnotatorRecord;
  visibleIds: string[];
}): React.JSX.Element {
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
    p.then(setMessage, (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
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
                    ? 'label set'
                    : c.kind === 'settings'
                      ? 'project settings'
                      : c.kind,
                )}
              </p>
              <ul>
                {c.versions.map((v) => (
                  <li key={v.rev}>
                    {v.updatedBy}, {new Date(v.updatedAt).toLocaleString()}: {v.summary}{' '}
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
