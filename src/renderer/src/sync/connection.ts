/**
 * Connecting a profile to a team project and disconnecting it. Connecting
 * checks what the analyst typed (https, or http only to this machine; the
 * project and user names), signs in through the host (which keeps the
 * credentials: safeStorage on desktop, a session cookie in the browser),
 * checks the project exists and the user may read it, then, in one
 * transaction, stores the project (no secret) and queues everything this
 * analyst may send: their spans, statuses and name, the articles, and gold,
 * label set, settings and assignments where their roles allow.
 * Disconnecting stops syncing and forgets the credentials and the local
 * copy of the project; every span, status and article stays in the profile,
 * and what is deleted while disconnected is sent on the next connection to
 * the same project (sync/outbox.ts records it against the project left).
 */
import { describeError } from '@core/errors.ts';
import { problem, problemText, type Problem } from '@core/problems/problem.ts';
import type { Host } from '@core/host-contract.ts';
import { GOLD_ANNOTATOR_ID } from '@core/model.ts';
import {
  actorDocId,
  annotatorDocId,
  gazetteerDocId,
  articleDocId,
  assignDocId,
  goldDocId,
  LABELS_ID,
  SETTINGS_ID,
  spanDocId,
  statusDocId,
} from '@core/team/ids.ts';
import {
  checkProjectName,
  checkServerUrl,
  checkUserName,
  ROLES,
  type Role,
} from '@core/team/project.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import {
  AWAY_KEY,
  CONFIG_KEY,
  ownWork,
  sameProject,
  type AwayFrom,
  type TeamConfig,
} from './meta.ts';
import { newStamp, PROJECT_SETTINGS_KEY } from './outbox.ts';
import { localNameFor, openLocal } from './pouch.ts';
import { OUTBOX, type OutboxRow } from './tables.ts';
import { teamFetch } from './transport.ts';

/** What the analyst types to connect. */
export interface ConnectInput {
  server: string;
  project: string;
  user: string;
  password: string;
}

/**
 * A refused connection says why in English (`message`) and, when it is one
 * the interface words itself, as a problem (the server's address, project
 * and user-name checks say it in English only).
 */
export type ConnectResult =
  { ok: true; config: TeamConfig } | { ok: false; message: string; problem?: Problem };

/** A refused connection, from its problem. */
function refused(p: Problem): ConnectResult {
  return { ok: false, message: problemText(p), problem: p };
}

/** A failed sign-in or request as a problem naming the status. */
export function statusProblem(status: number, detail: string | Problem): Problem {
  if (status === 0) return problem('team.unreachable', { detail });
  if (status === 401) return problem('team.badPassword', { detail });
  if (status === 403) return problem('team.forbiddenUser', { detail });
  return problem('team.status', { status, detail });
}

/** Words for a failed sign-in or request, naming the status (English). */
export function describeStatus(status: number, reason: string): string {
  return problemText(statusProblem(status, reason));
}

/** Connects this profile (whose analyst is `selfId`) to a project. */
export async function connectProject(
  db: WorkbenchDb,
  host: Pick<Host, 'teamSignIn' | 'teamRequest'>,
  input: ConnectInput,
  selfId: string,
): Promise<ConnectResult> {
  const url = checkServerUrl(input.server);
  if (!url.ok) return refused(url.problem);
  const projectProblem = checkProjectName(input.project.trim());
  if (projectProblem) return refused(projectProblem);
  const user = input.user.trim();
  const userProblem = checkUserName(user);
  if (userProblem) return refused(userProblem);
  if (user !== selfId) return refused(problem('team.wrongUser', { self: selfId }));
  const project = input.project.trim();
  const signIn = await host.teamSignIn(url.url, user, input.password);
  if (!signIn.ok) return refused(statusProblem(signIn.status, signIn.reason));
  const roles = signIn.session.roles.filter((r): r is Role =>
    (ROLES as readonly string[]).includes(r),
  );
  if (roles.length === 0) return refused(problem('team.noRole', { user, roles: ROLES.join(', ') }));

  const fetch = teamFetch(host);
  const base = `${url.url}/${encodeURIComponent(project)}`;
  let probe: Response;
  let labels: Response;
  try {
    probe = await fetch(base, { headers: { Accept: 'application/json' } });
    labels = await fetch(`${base}/${encodeURIComponent(LABELS_ID)}`, {
      headers: { Accept: 'application/json' },
    });
  } catch (err) {
    return refused(statusProblem(0, describeError(err)));
  }
  if (probe.status === 404) return refused(problem('team.noProject', { project, url: url.url }));
  if (probe.status === 401 || probe.status === 403)
    return refused(statusProblem(probe.status, problem('team.mayNotRead', { user, project })));
  if (!probe.ok) return refused(statusProblem(probe.status, probe.statusText));

  const config: TeamConfig = {
    server: url.url,
    project,
    user,
    roles,
    localName: await localNameFor(url.url, project, user),
    connectedAt: Date.now(),
  };
  await reconcile(db, config, { projectHasLabels: labels.status === 200 });
  return { ok: true, config };
}

/**
 * Stores `config` and queues every document this analyst may send, in one
 * transaction: a crash leaves either no project or a project with its
 * whole queue. Deletions recorded since this profile left the same project
 * (same server, project and user) stay queued, as deletions; those
 * recorded for another project are dropped.
 */
export async function reconcile(
  db: WorkbenchDb,
  config: TeamConfig,
  opts: { projectHasLabels: boolean },
): Promise<number> {
  const self = config.user;
  const can = (r: Role) => config.roles.includes(r);
  return db.transaction(
    'rw',
    [
      db.syncMeta,
      db.outbox,
      db.spans,
      db.statuses,
      db.documents,
      db.annotators,
      db.settings,
      db.assignments,
      db.gazetteers,
      db.actors,
    ],
    async () => {
      const ids = new Set<string>();
      // The analyst's own spans and statuses changed or deleted since
      // leaving this same project (deletions cannot be told otherwise).
      const away = (await db.syncMeta.get(AWAY_KEY))?.value as AwayFrom | undefined;
      if (sameProject(away, config) && can('analyst'))
        for (const id of (await db.outbox.toCollection().primaryKeys()) as string[])
          if (ownWork(id, self)) ids.add(id);
      if (can('analyst')) {
        const spans = await db.spans.where('annotatorId').equals(self).primaryKeys();
        for (const id of spans) ids.add(spanDocId(self, id));
        const statuses = await db.statuses.where('annotatorId').equals(self).primaryKeys();
        for (const [docId] of statuses as [string, string][]) ids.add(statusDocId(self, docId));
        if (await db.gazetteers.get(self)) ids.add(gazetteerDocId(self));
      }
      if (await db.annotators.get(self)) ids.add(annotatorDocId(self));
      for (const id of (await db.documents.toCollection().primaryKeys()) as string[])
        ids.add(articleDocId(id));
      // The profile's actors join the project's list (any member writes actors).
      for (const id of (await db.actors.toCollection().primaryKeys()) as string[])
        ids.add(actorDocId(id));
      if (can('adjudicator')) {
        const gold = await db.statuses.where('annotatorId').equals(GOLD_ANNOTATOR_ID).primaryKeys();
        for (const [docId] of gold as [string, string][]) ids.add(goldDocId(docId));
        const goldSpans = await db.spans.where('annotatorId').equals(GOLD_ANNOTATOR_ID).toArray();
        for (const s of goldSpans) ids.add(goldDocId(s.docId));
      }
      if (can('lead')) {
        // A project that has a label set keeps it: this profile takes it.
        if (!opts.projectHasLabels) ids.add(LABELS_ID);
        if (await db.settings.get(PROJECT_SETTINGS_KEY)) ids.add(SETTINGS_ID);
        for (const docId of (await db.assignments.toCollection().primaryKeys()) as string[])
          ids.add(assignDocId(docId));
      }
      const rows: OutboxRow[] = [...ids].map((id) => ({
        id,
        stamp: newStamp(),
        state: OUTBOX.pending,
      }));
      await db.outbox.clear();
      await db.outbox.bulkPut(rows);
      await db.syncMeta.clear();
      await db.syncMeta.put({ key: CONFIG_KEY, value: config });
      return rows.length;
    },
  );
}

/**
 * Disconnects: forgets the project's bookkeeping, its local copy and the
 * credentials, and notes the project left (its deletions are recorded from
 * now on, for the next connection to it). Nothing of the analyst's work is
 * removed. Call after the engine stopped.
 */
export async function disconnectProject(
  db: WorkbenchDb,
  host: Pick<Host, 'teamSignOut'>,
  config: TeamConfig,
): Promise<void> {
  await db.transaction('rw', [db.syncMeta, db.outbox, db.syncRevs, db.conflicts], async () => {
    // The analyst's own changes not yet on the server (offline, or sent to
    // the local copy, which goes) stay queued for the next connection to
    // this project, deletions included; refused ones stay unsent.
    const waiting = (await db.outbox.toArray()).filter(
      (r) => r.state !== OUTBOX.refused && ownWork(r.id, config.user),
    );
    await db.syncMeta.clear();
    await db.outbox.clear();
    await db.syncRevs.clear();
    await db.conflicts.clear();
    await db.outbox.bulkPut(
      waiting.map((r): OutboxRow => ({ id: r.id, stamp: newStamp(), state: OUTBOX.pending })),
    );
    const away: AwayFrom = { server: config.server, project: config.project, user: config.user };
    await db.syncMeta.put({ key: AWAY_KEY, value: away });
  });
  await openLocal(config.localName)
    .destroy()
    .catch(() => undefined);
  await host.teamSignOut(config.server).catch(() => undefined);
}
