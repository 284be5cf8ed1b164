/**
 * Reading a dataset file before anything is written: the file is decoded
 * and checked line by line in chunks (with progress, so the UI stays
 * responsive), and the analyst sees its format, bad lines, labels and
 * annotators. Writing is dataset-import.ts. The reader is the CLI's
 * (src/core/jsonl.ts): a file that is not UTF-8 (Windows-1256, a broken
 * character) or has a line over 200 MB is refused whole, naming the line
 * and byte, as `stance validate` refuses it.
 */
import type { HostFile } from '@core/host-contract.ts';
import {
  byteChunks,
  JsonlLineReader,
  lineError,
  type JsonlLine,
  type LineError,
} from '@core/jsonl.ts';
import { problem, type Problem } from '@core/problems/problem.ts';
import type { BackupContents } from '@core/formats/backup.ts';
import { DatasetLines } from '@core/formats/dataset-lines.ts';
import type { ParsedRecord } from '@core/formats/record.ts';
import type { WorkbenchDb } from './schema.ts';

/** Progress of reading or writing a file. */
export interface ImportProgress {
  phase: 'reading' | 'writing';
  done: number;
  total: number;
}

/** A spans or doccano file read and checked, nothing written yet. */
export interface DatasetAnalysis {
  fileName: string;
  format: 'spans' | 'doccano';
  records: ParsedRecord[];
  errors: LineError[];
  /** Lines skipped on purpose (Prodigy answers other than accept). */
  skipped: number;
  /** Labels used in the file, with whether the label set has them. */
  labels: { key: string; count: number; known: boolean }[];
  /** `_annotator_id`s found in the file. */
  annotators: string[];
  /** Records without `_annotator_id` (the analyst must name one). */
  withoutAnnotator: number;
}

/** A file read and checked: a dataset, a full backup, or a file that cannot be read. */
export type FileAnalysis =
  | { kind: 'dataset'; analysis: DatasetAnalysis }
  | { kind: 'backup'; fileName: string; contents: BackupContents }
  | { kind: 'unreadable'; fileName: string; error: LineError };

/** What to tell the analyst about an unreadable file: which, where, why. */
export function unreadableProblem(a: { fileName: string; error: LineError }): Problem {
  return problem('import.unreadable', {
    file: a.fileName,
    line: a.error.line,
    reason: a.error.problem ?? problem('unexpected', { detail: a.error.message }),
  });
}

/** Lets the browser paint between chunks. */
/** Lets the UI paint between chunks of work. */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Reads a dataset or backup file in 1 MB chunks, checking every line.
 * Never throws for bad content: problems come back as line errors.
 */
export async function analyzeFile(
  db: WorkbenchDb,
  file: HostFile,
  onProgress?: (p: ImportProgress) => void,
): Promise<FileAnalysis> {
  const reader = new JsonlLineReader();
  const total = file.bytes.length;
  const records: ParsedRecord[] = [];
  const lines = new DatasetLines((r) => records.push(r));
  const take = (read: JsonlLine[]): void => {
    for (const l of read) lines.push(l);
  };
  onProgress?.({ phase: 'reading', done: 0, total });
  for (const chunk of byteChunks(file.bytes)) {
    take(reader.push(chunk));
    if (reader.error) break;
    onProgress?.({ phase: 'reading', done: reader.consumed, total });
    await yieldToUi();
  }
  take(reader.end());
  if (reader.error) return { kind: 'unreadable', fileName: file.name, error: reader.error };
  const backup = lines.finishBackup();
  if (backup) return { kind: 'backup', fileName: file.name, contents: backup };
  const { format, errors, skipped } = lines;
  if (format === null && errors.length === 0) errors.push(lineError(1, problem('file.noLines')));
  const known = new Set((await db.labels.toArray()).map((l) => l.key));
  const labelCounts = new Map<string, number>();
  for (const r of records)
    for (const s of r.spans) labelCounts.set(s.label, (labelCounts.get(s.label) ?? 0) + 1);
  return {
    kind: 'dataset',
    analysis: {
      fileName: file.name,
      format: format === 'doccano' ? 'doccano' : 'spans',
      records,
      errors,
      skipped,
      labels: [...labelCounts]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, count]) => ({ key, count, known: known.has(key) })),
      annotators: [
        ...new Set(records.flatMap((r) => (r.annotatorId === null ? [] : [r.annotatorId]))),
      ].sort(),
      withoutAnnotator: records.filter((r) => r.annotatorId === null).length,
    },
  };
}

/** True when a file looks like a dataset (JSONL/JSON with a text or backup header). */
export function looksLikeDataset(file: HostFile): boolean {
  if (!/\.(jsonl|json|ndjson)$/i.test(file.name)) return false;
  const head = new TextDecoder().decode(file.bytes.subarray(0, 4096)).replace(/^\ufeff/, '');
  return /^\s*\{/.test(head);
}
