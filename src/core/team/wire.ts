/**
 * The project documents on the wire: what each kind of CouchDB document
 * holds, the zod schemas every document from the server is checked against
 * before the app uses it (a server, or a colleague with a script, may send
 * anything), and the conversions between them and the app's records. The
 * ids are those of ids.ts; the server's validation (validate.ts) checks
 * the same shapes more loosely.
 */
import { z } from 'zod';
import { actorSchema } from '../actors/model.ts';
import {
  ATTRIBUTION_KINDS,
  GOLD_ANNOTATOR_ID,
  type ActorRecord,
  type DocStatus,
  type DocumentRecord,
  type LabelDef,
  type SpanRecord,
  type StatusRecord,
} from '../model.ts';

const text = (max: number) => z.string().max(max);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const time = z.number().finite().nonnegative();
const docStatus = z.enum(['not-started', 'in-progress', 'done']);
const nullableText = (max: number) => text(max).nullable();
/** Label keys and user names. */
const name = text(200).min(1);

/**
 * A span's attribution (issue 15): the holder actor's id, the target and
 * how the text voices it. Each is written only when set, so documents
 * from before attribution existed still fit and compare equal.
 */
const attributionFields = {
  holderActorId: name.optional(),
  target: text(2000).optional(),
  attribution: z.enum(ATTRIBUTION_KINDS).optional(),
};

/** An analyst's span: `span:USER:SPANID`. */
export const spanBody = z
  .object({
    spanId: name,
    annotatorId: name,
    docId: name,
    label: name,
    start: count,
    end: count,
    quote: text(100_000),
    holder: nullableText(2000),
    note: nullableText(20_000),
    createdAt: time,
    updatedAt: time,
    ...attributionFields,
  })
  .refine((s) => s.end > s.start, { message: 'end must be greater than start', path: ['end'] });
export type SpanBody = z.infer<typeof spanBody>;

/** An analyst's status and document stance: `status:USER:DOCID`. */
export const statusBody = z.object({
  annotatorId: name,
  docId: name,
  status: docStatus,
  docStance: nullableText(200),
  updatedAt: time,
});
export type StatusBody = z.infer<typeof statusBody>;

/** An analyst's display name: `annotator:USER`. */
export const annotatorBody = z.object({ name: text(200).min(1) });
export type AnnotatorBody = z.infer<typeof annotatorBody>;

/**
 * An analyst's cue phrases per label: `gazetteer:USER`. The phrases are
 * checked further by `parseGazetteer` (core/suggest/gazetteer.ts) on
 * arrival, which holds the limits.
 */
export const gazetteerBody = z.object({
  annotatorId: name,
  phrases: z.record(z.string(), z.unknown()),
  updatedAt: time,
});
export type GazetteerBody = z.infer<typeof gazetteerBody>;

const removal = z.object({
  rule: text(200),
  reason: text(2000),
  text: text(1_000_000),
  line: count,
});

/** An article: `article:DOCID`, DOCID being the SHA-256 of `text`. */
export const articleBody = z.object({
  text: text(20_000_000).min(1),
  rawText: text(40_000_000),
  textSource: z.enum(['clean', 'raw']),
  removed: z.array(removal).max(100_000),
  title: text(2000),
  date: nullableText(100),
  author: nullableText(2000),
  outlet: nullableText(2000),
  file: nullableText(2000),
  importedAt: time,
});
export type ArticleBody = z.infer<typeof articleBody>;

const goldSpan = z
  .object({
    id: name,
    label: name,
    start: count,
    end: count,
    quote: text(100_000),
    holder: nullableText(2000),
    note: nullableText(20_000),
    provenance: z.array(name).max(1000),
    createdAt: time,
    updatedAt: time,
    ...attributionFields,
  })
  .refine((s) => s.end > s.start, { message: 'end must be greater than start', path: ['end'] });

/** Fields of every shared document: who wrote this version, and when. */
const sharedMeta = { updatedBy: name, updatedAt: time };

/**
 * One actor of the project's list: `actor:ACTORID`. Any member writes it;
 * `updatedBy` names who wrote this version. A merged actor stays, with
 * `mergedInto` naming the actor it became.
 */
export const actorBody = actorSchema.and(z.object({ updatedBy: name }));
export type ActorBody = z.infer<typeof actorBody>;

/** A document's gold layer: `gold:DOCID`. */
export const goldBody = z.object({
  docId: name,
  spans: z.array(goldSpan).max(100_000),
  /** Span keys (start:end:label) the adjudicator rejected. */
  rejected: z.array(text(500)).max(100_000),
  /** Gold's status on the document (e.g. done once adjudicated); null when none. */
  status: docStatus.nullable(),
  ...sharedMeta,
});
export type GoldBody = z.infer<typeof goldBody>;

/** Who a document is assigned to: `assign:DOCID`. */
export const assignBody = z.object({
  docId: name,
  annotatorIds: z.array(name).max(1000),
  ...sharedMeta,
});
export type AssignBody = z.infer<typeof assignBody>;

const labelDef = z.object({
  key: name,
  name: text(200),
  nameAr: text(200),
  color: text(50),
  hotkey: z.number().int().min(1).max(9).nullable(),
  definition: text(20_000),
  examples: z.array(text(5000)).max(200),
  order: z.number().int(),
});

/** The label set and its guidelines: `project:labels`. */
export const labelsBody = z.object({ labels: z.array(labelDef).max(500), ...sharedMeta });
export type LabelsBody = z.infer<typeof labelsBody>;

/** Project settings: `project:settings`. */
export const settingsBody = z.object({ blind: z.boolean(), ...sharedMeta });
export type SettingsBody = z.infer<typeof settingsBody>;

/** The shared settings of a project, as the app keeps them. */
export interface ProjectSettings {
  blind: boolean;
}

// Conversions. Records → bodies are what the app sends; bodies → records
// what it stores. Sending then receiving gives back the same record.

/** A span's attribution fields as the wire holds them: only those set. */
function attributionToBody(
  s: Pick<SpanRecord, 'holderActorId' | 'target' | 'attribution'>,
): Pick<SpanBody, 'holderActorId' | 'target' | 'attribution'> {
  return {
    ...(s.holderActorId ? { holderActorId: s.holderActorId } : {}),
    ...(s.target ? { target: s.target } : {}),
    ...(s.attribution ? { attribution: s.attribution } : {}),
  };
}

/** The body of an analyst's span. */
export function spanToBody(s: SpanRecord): SpanBody {
  return {
    ...attributionToBody(s),
    spanId: s.id,
    annotatorId: s.annotatorId,
    docId: s.docId,
    label: s.label,
    start: s.start,
    end: s.end,
    quote: s.quote,
    holder: s.holder,
    note: s.note,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The span record of a span body. */
export function bodyToSpan(b: SpanBody): SpanRecord {
  return {
    ...attributionToBody(b),
    id: b.spanId,
    docId: b.docId,
    annotatorId: b.annotatorId,
    label: b.label,
    start: b.start,
    end: b.end,
    quote: b.quote,
    holder: b.holder,
    note: b.note,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  };
}

export function statusToBody(s: StatusRecord): StatusBody {
  return {
    annotatorId: s.annotatorId,
    docId: s.docId,
    status: s.status,
    docStance: s.docStance,
    updatedAt: s.updatedAt,
  };
}

export function bodyToStatus(b: StatusBody): StatusRecord {
  return { ...b };
}

/** An article's body: the record without its search key, which is recomputed. */
export function documentToBody(d: DocumentRecord): ArticleBody {
  return {
    text: d.text,
    rawText: d.rawText,
    textSource: d.textSource,
    removed: d.removed,
    title: d.title,
    date: d.date,
    author: d.author,
    outlet: d.outlet,
    file: d.file,
    importedAt: d.importedAt,
  };
}

/** The gold layer's content (without who wrote it): spans sorted by id. */
export function goldContent(
  docId: string,
  spans: readonly SpanRecord[],
  rejected: readonly string[],
  status: DocStatus | null,
): Omit<GoldBody, 'updatedBy' | 'updatedAt'> {
  return {
    docId,
    spans: [...spans]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((s) => ({
        id: s.id,
        label: s.label,
        start: s.start,
        end: s.end,
        quote: s.quote,
        holder: s.holder,
        note: s.note,
        provenance: s.provenance ?? [],
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
        ...attributionToBody(s),
      })),
    rejected: [...rejected],
    status,
  };
}

/** The gold spans of a gold body, as records of the annotator `gold`. */
export function goldSpans(b: Pick<GoldBody, 'docId' | 'spans'>): SpanRecord[] {
  return b.spans.map((s) => ({
    id: s.id,
    docId: b.docId,
    annotatorId: GOLD_ANNOTATOR_ID,
    label: s.label,
    start: s.start,
    end: s.end,
    quote: s.quote,
    holder: s.holder,
    note: s.note,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    provenance: s.provenance,
    ...attributionToBody(s),
  }));
}

/** An actor's content as sent (without `updatedBy`, which the pusher adds). */
export function actorContent(a: ActorRecord): Omit<ActorBody, 'updatedBy'> {
  return {
    id: a.id,
    nameAr: a.nameAr,
    nameEn: a.nameEn,
    kind: a.kind,
    affiliation: a.affiliation,
    aliases: [...a.aliases],
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    mergedInto: a.mergedInto ?? null,
  };
}

/** The actor record of an actor body (`updatedBy` dropped; a live actor has no `mergedInto`). */
export function bodyToActor(b: ActorBody): ActorRecord {
  return {
    id: b.id,
    nameAr: b.nameAr,
    nameEn: b.nameEn,
    kind: b.kind,
    affiliation: b.affiliation,
    aliases: [...b.aliases],
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    ...(b.mergedInto ? { mergedInto: b.mergedInto } : {}),
  };
}

/** The label set's content, in display order. */
export function labelsContent(labels: readonly LabelDef[]): LabelDef[] {
  return [...labels]
    .sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : 1))
    .map((l) => ({
      key: l.key,
      name: l.name,
      nameAr: l.nameAr,
      color: l.color,
      hotkey: l.hotkey,
      definition: l.definition,
      examples: [...l.examples],
      order: l.order,
    }));
}

/** Why `body` does not fit `schema`, naming the first field; null when it fits. */
export function bodyProblem(schema: z.ZodType, body: unknown): string | null {
  const r = schema.safeParse(body);
  if (r.success) return null;
  const issue = r.error.issues[0];
  return issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'invalid';
}

/**
 * A stable JSON text of `value` (object keys sorted), to tell whether two
 * bodies hold the same content.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}
