/**
 * Reads a dataset file line by line, as it streams in: the first line
 * decides the format (spans, doccano or a full backup), backup lines go to a
 * BackupReader, and record lines are parsed, counted or reported. The CLI's
 * `validate` and the app's import both read files through it.
 */
import type { JsonlLine, LineError } from '../jsonl.ts';
import { BackupReader, type BackupContents } from './backup.ts';
import { detectFormat, parseRecordLine, type InputFormat } from './index.ts';
import type { ParsedRecord } from './record.ts';

export class DatasetLines {
  /** The file's format, once its first line was read (or as forced). */
  format: InputFormat | null;
  readonly errors: LineError[] = [];
  /** Lines skipped on purpose (Prodigy `reject`/`ignore` answers). */
  skipped = 0;
  private backup: BackupReader | null = null;

  /** `onRecord` receives every valid record, in file order. */
  constructor(
    private readonly onRecord: (record: ParsedRecord) => void,
    forced?: InputFormat,
  ) {
    this.format = forced ?? null;
  }

  /** Reads one line. */
  push(l: JsonlLine): void {
    this.format ??= detectFormat(l);
    if (this.format === 'backup') {
      (this.backup ??= new BackupReader()).push(l);
      return;
    }
    const r = parseRecordLine(this.format, l);
    if (!r.ok) this.errors.push(r.error);
    else if (r.skipped) this.skipped++;
    else this.onRecord(r.value);
  }

  /** The backup's contents when the file was a backup, else null. */
  finishBackup(): BackupContents | null {
    return this.backup?.finish() ?? null;
  }
}
