/**
 * The shapes of a dataset import: what the analyst chose, a file's records
 * with their ids hashed (prepare.ts), the stored rows the plan looks at
 * (the snapshot), the plan itself (plan.ts) and the report the analyst
 * reads. The renderer reads the snapshot and writes the plan in one
 * transaction (src/renderer/src/db/dataset-import.ts).
 */
import { problemText, type Problem } from '../problems/problem.ts';
import type { LineError } from '../jsonl.ts';
import type { ParsedRecord } from '../formats/record.ts';
import type {
  ActorRecord,
  AnnotatorRecord,
  DocumentRecord,
  LabelDef,
  SpanRecord,
  StatusRecord,
} from '../model.ts';
import type { LineTokensRecord, TokenSetRecord } from './token-rows.ts';

/** How to import an analysed file. */
export interface ImportOptions {
  /** The analyst's own annotator id (not re-created, kind `self`). */
  selfId: string;
  /** Annotator for lines without `_annotator_id`; required when there are any. */
  annotatorForMissing?: string | null;
  /** Import the valid lines of a file that has bad ones (else nothing is imported). */
  validOnly?: boolean;
  /** Unknown label → existing label key. Unknown labels not mapped are added. */
  labelMap?: Record<string, string>;
}

/** What the plan needs of a read file (the renderer's DatasetAnalysis is one). */
export interface ImportInput {
  fileName: string;
  records: readonly ParsedRecord[];
  errors: LineError[];
  /** Records without `_annotator_id`. */
  withoutAnnotator: number;
}

/** One record with everything hashed: the plan itself is synchronous. */
export interface PreparedRecord {
  record: ParsedRecord;
  /** `_annotator_id`, or the annotator the analyst named for lines without one. */
  annotatorId: string;
  /** SHA-256 of the text: the document's id unless the file's doc_id names it. */
  textId: string;
  /** The label of each span (in `record.spans` order) after the label map. */
  labels: string[];
  /**
   * The deterministic span ids (in `record.spans` order) under each
   * document id the record may end up with: `textId`, and the file's
   * doc_id when it differs (the snapshot decides which).
   */
  spanIds: ReadonlyMap<string, readonly string[]>;
}

/**
 * The stored rows a plan looks at, read (with the keys of snapshotKeys)
 * in the transaction that then writes the plan.
 */
export interface ImportSnapshot {
  /** The texts of the stored documents named by the records' doc_ids. */
  docTexts: ReadonlyMap<string, string>;
  /** Which of the records' text ids are stored documents. */
  storedDocIds: ReadonlySet<string>;
  /** The whole label set. */
  labels: readonly LabelDef[];
  /** Which of the file's annotators the profile has. */
  annotatorIds: ReadonlySet<string>;
  /** Every stored actor. */
  actors: readonly ActorRecord[];
  /** The stored spans of the (document, annotator) pairs of snapshotKeys. */
  spans: readonly SpanRecord[];
  /** The stored statuses of those pairs. */
  statuses: readonly StatusRecord[];
  /** The stored lineTokens rows of those pairs. */
  lineTokens: readonly LineTokensRecord[];
  /** The stored tokenSets rows of snapshotKeys' tokenSets keys. */
  tokenSets: readonly TokenSetRecord[];
}

/** What an import did (or would do). */
export interface ImportReport {
  fileName: string;
  imported: boolean;
  /** Why nothing was imported, when `imported` is false (English, for the CLI). */
  refusal: string | null;
  /** The refusal as data, which the interface words (set with `refusal`). */
  refusalProblem?: Problem;
  errors: LineError[];
  documentsCreated: number;
  documentsMatched: number;
  spansAdded: number;
  spansUpdated: number;
  spansUnchanged: number;
  labelsAdded: string[];
  annotatorsAdded: string[];
  /** Names of the holder actors the file brought that the profile did not have. */
  actorsAdded: string[];
  /** Holder actors of the file not stored as actors, and why (their spans keep the name as text). */
  actorNotes: Problem[];
}

/**
 * What to write: every list holds only rows that are new or change a
 * stored one; what is already there is counted in the report. A refused
 * import has a report with its refusal and nothing to write.
 */
export interface ImportPlan {
  report: ImportReport;
  actors: ActorRecord[];
  labels: LabelDef[];
  annotators: AnnotatorRecord[];
  /** New documents, stored with their list rows and tokens. */
  documents: DocumentRecord[];
  /** Spans to add (no stored span has their id or their extent and label). */
  spansToAdd: SpanRecord[];
  /** Stored spans with the file's holder, note, provenance or attribution. */
  spansToUpdate: SpanRecord[];
  /** Statuses to create or change (put). */
  statuses: StatusRecord[];
  /** lineTokens rows to create or change (put). */
  lineTokens: LineTokensRecord[];
  /** Token lists not stored yet (put). */
  tokenSets: TokenSetRecord[];
}

/** The key of a (document, annotator) pair in the plan's maps. */
export function pairKey(docId: string, annotatorId: string): string {
  return `${docId}\u0000${annotatorId}`;
}

/** A report that imported nothing. */
export function emptyReport(
  fileName: string,
  errors: LineError[],
  refusal: Problem | null,
): ImportReport {
  return {
    fileName,
    imported: false,
    refusal: refusal && problemText(refusal),
    ...(refusal && { refusalProblem: refusal }),
    errors,
    documentsCreated: 0,
    documentsMatched: 0,
    spansAdded: 0,
    spansUpdated: 0,
    spansUnchanged: 0,
    labelsAdded: [],
    annotatorsAdded: [],
    actorsAdded: [],
    actorNotes: [],
  };
}
