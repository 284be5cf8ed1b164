/**
 * The full backup format: one JSONL file holding every table of a profile
 * (documents, spans, annotators, labels, statuses, settings, actors), restorable
 * into an empty profile with nothing lost. Line 1 is a header with the
 * format version and the row count of every table, so a truncated file is
 * detected; every other line is `{"table": NAME, "row": {...}}`. Rows of
 * the known tables are checked with zod (unknown fields are kept).
 */
import { z } from 'zod';
import { actorSchema } from '../actors/model.ts';
import { lineError, parseJsonLine, type JsonlLine, type LineError } from '../jsonl.ts';
import { ATTRIBUTION_KINDS, documentRecordSchema, removalSchema } from '../model.ts';
import { cpLength } from '../offsets.ts';
import { problem } from '../problems/problem.ts';
import { zodProblem } from '../problems/zod-problem.ts';

/** The `schema` of backups this version writes. */
export const BACKUP_SCHEMA = 'stance-workbench/backup@1';
const BACKUP_PREFIX = 'stance-workbench/backup@';

// The stored record's own schema (model.ts), keeping fields a newer version added.
const documentRow = documentRecordSchema
  .extend({ removed: z.array(removalSchema.loose()) })
  .loose();

const spanRow = z
  .object({
    id: z.string().min(1),
    docId: z.string().min(1),
    annotatorId: z.string().min(1),
    label: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    quote: z.string(),
    holder: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.number(),
    updatedAt: z.number(),
    provenance: z.array(z.string()).optional(),
    holderActorId: z.string().min(1).nullable().optional(),
    target: z.string().nullable().optional(),
    attribution: z.enum(ATTRIBUTION_KINDS).nullable().optional(),
  })
  .loose();

const annotatorRow = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    kind: z.enum(['self', 'colleague', 'gold']),
    createdAt: z.number(),
  })
  .loose();

const labelRow = z
  .object({
    key: z.string().min(1),
    name: z.string(),
    nameAr: z.string(),
    color: z.string(),
    hotkey: z.number().int().nullable(),
    definition: z.string(),
    examples: z.array(z.string()),
    order: z.number(),
  })
  .loose();

const statusRow = z
  .object({
    docId: z.string().min(1),
    annotatorId: z.string().min(1),
    status: z.enum(['not-started', 'in-progress', 'done']),
    docStance: z.string().nullable(),
    updatedAt: z.number(),
  })
  .loose();

const settingRow = z.object({ key: z.string().min(1), value: z.unknown() }).loose();

/** zod schemas of the rows of the tables every backup has. */
export const BACKUP_ROW_SCHEMAS: Record<string, z.ZodType> = {
  documents: documentRow,
  spans: spanRow,
  annotators: annotatorRow,
  labels: labelRow,
  statuses: statusRow,
  settings: settingRow,
  actors: actorSchema,
};

const headerShape = z.object({
  schema: z.string(),
  created_at: z.string(),
  db_version: z.number().int(),
  app_version: z.string().optional(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

/** The first line of a backup. */
export type BackupHeader = z.infer<typeof headerShape>;

/** Settings that describe the running session, not the profile; never backed up. */
export const TRANSIENT_SETTING_PREFIX = 'transient.';

/** True for settings a backup leaves out. */
export function isTransientSetting(key: string): boolean {
  return key.startsWith(TRANSIENT_SETTING_PREFIX);
}

/** Writes the header line of a backup. */
export function writeBackupHeader(
  counts: Record<string, number>,
  dbVersion: number,
  createdAt: Date,
  appVersion?: string,
): string {
  const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
  const header: BackupHeader = {
    schema: BACKUP_SCHEMA,
    created_at: createdAt.toISOString(),
    db_version: dbVersion,
    ...(appVersion ? { app_version: appVersion } : {}),
    counts: sorted,
  };
  return `${JSON.stringify(header)}\n`;
}

/** Writes one row of a backup; typed arrays (packed tokens) as plain lists. */
export function writeBackupRow(table: string, row: unknown): string {
  return `${JSON.stringify({ table, row }, (_key, v: unknown) =>
    ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as Uint32Array) : v,
  )}\n`;
}

/** A backup read back: its header, rows per table, and problems. */
export interface BackupContents {
  header: BackupHeader | null;
  tables: Record<string, unknown[]>;
  errors: LineError[];
}

/** Reads a backup line by line (feed lines in order, then call `finish`). */
export class BackupReader {
  private header: BackupHeader | null = null;
  private readonly tables: Record<string, unknown[]> = {};
  private readonly errors: LineError[] = [];
  private seenFirst = false;

  /** Reads one non-blank line. */
  push(l: JsonlLine): void {
    const json = parseJsonLine(l);
    if (!json.ok) {
      this.errors.push(json.error);
      if (!this.seenFirst) this.seenFirst = true;
      return;
    }
    if (!this.seenFirst) {
      this.seenFirst = true;
      this.readHeader(l.line, json.value);
      return;
    }
    const row = z.object({ table: z.string().min(1), row: z.unknown() }).safeParse(json.value);
    if (!row.success) {
      this.errors.push(lineError(l.line, problem('backup.notRow')));
      return;
    }
    const schema = BACKUP_ROW_SCHEMAS[row.data.table];
    let value = row.data.row;
    if (schema) {
      const checked = schema.safeParse(value);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        const inner = zodProblem(issue);
        this.errors.push(
          lineError(
            l.line,
            problem('backup.badRow', {
              table: row.data.table,
              field: inner.path || 'row',
              reason: { code: inner.code, ...(inner.values && { values: inner.values }) },
            }),
          ),
        );
        return;
      }
      value = checked.data;
    }
    (this.tables[row.data.table] ??= []).push(value);
  }

  private readHeader(line: number, v: unknown): void {
    const h = headerShape.safeParse(v);
    if (!h.success || !h.data.schema.startsWith(BACKUP_PREFIX)) {
      this.errors.push(lineError(line, problem('backup.noHeader', { line: 1 })));
      return;
    }
    if (h.data.schema !== BACKUP_SCHEMA) {
      this.errors.push(
        lineError(line, problem('backup.newer', { schema: h.data.schema, reads: BACKUP_SCHEMA })),
      );
      return;
    }
    this.header = h.data;
  }

  /** Checks counts and references; returns everything read. */
  finish(): BackupContents {
    if (!this.seenFirst) this.errors.push(lineError(1, problem('file.empty')));
    if (this.header) {
      for (const [table, n] of Object.entries(this.header.counts)) {
        const got = this.tables[table]?.length ?? 0;
        if (got !== n)
          this.errors.push(
            lineError(0, problem('backup.countMismatch', { table, promised: n, got })),
          );
      }
      this.checkReferences();
    }
    return { header: this.header, tables: this.tables, errors: this.errors };
  }

  private checkReferences(): void {
    const docs = new Map<string, number>();
    for (const d of (this.tables.documents ?? []) as { id: string; text: string }[])
      docs.set(d.id, cpLength(d.text));
    const annotators = new Set(
      ((this.tables.annotators ?? []) as { id: string }[]).map((a) => a.id),
    );
    const actors = new Set(((this.tables.actors ?? []) as { id: string }[]).map((a) => a.id));
    for (const s of (this.tables.spans ?? []) as {
      id: string;
      docId: string;
      annotatorId: string;
      start: number;
      end: number;
      holderActorId?: string | null;
    }[]) {
      if (s.holderActorId && !actors.has(s.holderActorId))
        this.errors.push(
          lineError(0, problem('backup.missingActor', { span: s.id, actor: s.holderActorId })),
        );
      const length = docs.get(s.docId);
      if (length === undefined)
        this.errors.push(
          lineError(0, problem('backup.missingDocument', { span: s.id, doc: s.docId })),
        );
      else if (s.end <= s.start || s.end > length)
        this.errors.push(
          lineError(
            0,
            problem('backup.offsetsMisfit', {
              span: s.id,
              start: s.start,
              end: s.end,
              doc: s.docId,
            }),
          ),
        );
      if (!annotators.has(s.annotatorId))
        this.errors.push(
          lineError(
            0,
            problem('backup.missingAnnotator', { span: s.id, annotator: s.annotatorId }),
          ),
        );
    }
  }
}
