/**
 * Applying the project's shared documents to Dexie: gold (spans,
 * rejections, gold status), assignments, the label set and the project
 * settings, and the revision applied of each (and of actors), which a
 * local edit builds on (push.ts writes beside a newer one: a conflict).
 * Runs inside applyDocs' transaction (apply.ts).
 */
import { GOLD_ANNOTATOR_ID } from '@core/model.ts';
import {
  canonicalJson,
  goldSpans,
  labelsContent,
  type AssignBody,
  type GoldBody,
  type LabelsBody,
  type SettingsBody,
} from '@core/team/wire.ts';
import { rejectedKey } from '../db/gold.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { teamIdOf, type CheckedDoc } from './check.ts';
import { PROJECT_SETTINGS_KEY } from './outbox.ts';

/**
 * Applies the shared documents among `all` (one version per id) and
 * records each one's revision, actors' included.
 */
export async function applySharedDocs(
  db: WorkbenchDb,
  all: readonly CheckedDoc[],
  now: number,
): Promise<void> {
  for (const d of all) {
    if (d.id.kind === 'actor') {
      await db.syncRevs.put({ id: teamIdOf(d), rev: d.rev });
      continue;
    }
    if (d.id.kind === 'gold')
      await applyGold(db, d.id.docId, d.deleted ? null : (d as { body: GoldBody }).body, now);
    else if (d.id.kind === 'assign') {
      const body = (d as { body: AssignBody | null }).body;
      if (body && body.annotatorIds.length > 0)
        await db.assignments.put({ docId: d.id.docId, annotatorIds: [...body.annotatorIds] });
      else await db.assignments.delete(d.id.docId);
    } else if (d.id.kind === 'labels') {
      const body = (d as { body: LabelsBody | null }).body;
      if (body) await applyLabels(db, body);
    } else if (d.id.kind === 'settings') {
      const body = (d as { body: SettingsBody | null }).body;
      if (body) await db.settings.put({ key: PROJECT_SETTINGS_KEY, value: { blind: body.blind } });
      else await db.settings.delete(PROJECT_SETTINGS_KEY);
    } else continue;
    await db.syncRevs.put({ id: teamIdOf(d), rev: d.rev });
  }
}

/** Replaces a document's gold layer (spans, rejections, status) with `body`'s. */
async function applyGold(
  db: WorkbenchDb,
  docId: string,
  body: GoldBody | null,
  now: number,
): Promise<void> {
  const current = await db.spans
    .where('[docId+annotatorId]')
    .equals([docId, GOLD_ANNOTATOR_ID])
    .primaryKeys();
  const next = body ? goldSpans(body) : [];
  const keep = new Set(next.map((s) => s.id));
  const gone = current.filter((id) => !keep.has(id));
  if (gone.length > 0) await db.spans.bulkDelete(gone);
  if (next.length > 0) await db.spans.bulkPut(next);
  if (body && body.rejected.length > 0)
    await db.settings.put({ key: rejectedKey(docId), value: [...body.rejected] });
  else await db.settings.delete(rejectedKey(docId));
  if (body?.status)
    await db.statuses.put({
      docId,
      annotatorId: GOLD_ANNOTATOR_ID,
      status: body.status,
      docStance: null,
      updatedAt: body.updatedAt,
    });
  else await db.statuses.delete([docId, GOLD_ANNOTATOR_ID]);
  if (body && !(await db.annotators.get(GOLD_ANNOTATOR_ID)))
    await db.annotators.put({ id: GOLD_ANNOTATOR_ID, name: 'Gold', kind: 'gold', createdAt: now });
}

/** Replaces the label set with the project's, when it differs. */
async function applyLabels(db: WorkbenchDb, body: LabelsBody): Promise<void> {
  const current = labelsContent(await db.labels.toArray());
  const next = labelsContent(body.labels);
  if (canonicalJson(current) === canonicalJson(next)) return;
  await db.labels.clear();
  await db.labels.bulkAdd(next);
}
