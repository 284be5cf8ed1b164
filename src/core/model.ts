/**
 * The domain records Stance Workbench stores and exchanges. They are plain
 * data: the Dexie schema stores them as they are, the formats read and write
 * them, and agreement consumes them. All offsets are code points. A record
 * that also arrives from outside (a backup) is declared once, as a zod
 * schema, and its type is derived from it.
 */
import { z } from 'zod';

/** A label of the label set. `key` is what spans and exports carry. */
export interface LabelDef {
  key: string;
  /** Display name, English. */
  name: string;
  /** Display name, Arabic. */
  nameAr: string;
  /** CSS colour, chosen to be told apart by colour-blind analysts. */
  color: string;
  /** 1–9, or null for no hotkey. */
  hotkey: number | null;
  /** One-line definition shown in the guidelines. */
  definition: string;
  examples: string[];
  order: number;
}

/** Why a piece of scraped text was removed at import. */
export const removalSchema = z.object({
  /** Stable id of the cleanup rule, e.g. `ticker`, `repeated-block`. */
  rule: z.string(),
  /** Human-readable reason shown to the analyst. */
  reason: z.string(),
  /** The removed text, as it stood in the raw text. */
  text: z.string(),
  /** 1-based line in the raw text where the removed text started. */
  line: z.number(),
});

/** Why a piece of scraped text was removed at import. */
export type Removal = z.infer<typeof removalSchema>;

/**
 * An article in the corpus, as stored and as a backup holds it (the
 * backup's row schema is this one, keeping unknown fields: formats/backup.ts).
 * `id` is the SHA-256 (hex) of `text`.
 */
export const documentRecordSchema = z.object({
  id: z.string().min(1),
  /** The text analysts annotate: cleaned, or raw if they chose so. */
  text: z.string(),
  /** The decoded text before cleanup, always kept. */
  rawText: z.string(),
  textSource: z.enum(['clean', 'raw']),
  removed: z.array(removalSchema),
  title: z.string(),
  /** ISO 8601 date (YYYY-MM-DD or full timestamp), when detected. */
  date: z.string().nullable(),
  author: z.string().nullable(),
  outlet: z.string().nullable(),
  /** File name it was imported from. */
  file: z.string().nullable(),
  importedAt: z.number(),
  /** Folded title + text for diacritic-insensitive search (see arabic-search). */
  folded: z.string(),
});

/** An article in the corpus. `id` is the SHA-256 (hex) of `text`. */
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

export type AnnotatorKind = 'self' | 'colleague' | 'gold';

/** Who made spans. `id` is what exports carry as `_annotator_id`. */
export interface AnnotatorRecord {
  id: string;
  name: string;
  kind: AnnotatorKind;
  createdAt: number;
}

/** A stance span: an anchor (start, end, quote), never a DOM range. */
export interface SpanRecord {
  id: string;
  docId: string;
  annotatorId: string;
  label: string;
  /** Code-point offsets into the document text, `end` exclusive. */
  start: number;
  end: number;
  /** `text[start:end]` at the time of annotation. */
  quote: string;
  /**
   * The holder as text: what the analyst typed when no actor fits (the
   * fallback), or the actor's name when `holderActorId` is set (a snapshot
   * taken when the actor was assigned; the actor record is what counts).
   */
  holder: string | null;
  note: string | null;
  createdAt: number;
  updatedAt: number;
  /** Gold spans: the annotators whose spans it was accepted from. */
  provenance?: string[];
  /** The actor holding the stance (`ActorRecord.id`); absent or null: none (see `holder`). */
  holderActorId?: string | null;
  /** What the stance is about (e.g. "US combat forces"); absent or null: not said. */
  target?: string | null;
  /** How the text voices the stance; absent or null: not said. */
  attribution?: AttributionKind | null;
}

/**
 * How a stance reaches the text: the holder's own words in quotation marks,
 * the holder's words reported by the outlet, or the outlet's own voice.
 */
export const ATTRIBUTION_KINDS = ['direct-quote', 'reported-speech', 'outlet-voice'] as const;
export type AttributionKind = (typeof ATTRIBUTION_KINDS)[number];

/** What an actor is. */
export const ACTOR_KINDS = ['person', 'party-or-faction', 'government', 'state'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * Someone who holds stances: a person, a party or faction, a government or
 * a state. A profile (project) keeps one list; spans point at actors by id.
 * Validated by `actorSchema` (src/core/actors/model.ts).
 */
export interface ActorRecord {
  id: string;
  /** Arabic name, as the analyst wants it shown (may be empty when `nameEn` is not). */
  nameAr: string;
  /** English name (may be empty when `nameAr` is not). */
  nameEn: string;
  kind: ActorKind;
  /** Party, government or body the actor belongs to, as text; null when none. */
  affiliation: string | null;
  /** Other ways texts name the actor (titles, short names), matched folded. */
  aliases: string[];
  createdAt: number;
  updatedAt: number;
  /**
   * Set when this actor was merged into another (that actor's id): a
   * tombstone kept so spans that still point here (a colleague's, which
   * only they may rewrite) resolve to the actor it became. Absent or null:
   * a live actor.
   */
  mergedInto?: string | null;
}

export type DocStatus = 'not-started' | 'in-progress' | 'done';

/** One annotator's progress on one document. */
export interface StatusRecord {
  docId: string;
  annotatorId: string;
  status: DocStatus;
  /** Optional document-level stance: a label key, `neutral`, or null. */
  docStance: string | null;
  updatedAt: number;
}

/** A key/value setting. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** The annotator id of the adjudicated gold layer. */
export const GOLD_ANNOTATOR_ID = 'gold';
