/**
 * Every problem code, in one list: the kinds of failure and refusal core and
 * the data layer report as data (see problem.ts). Each has a message
 * `problem.<code>` in both catalogs (src/core/i18n/messages), which a test
 * checks by going through this list.
 */

/** The problem codes. */
export const PROBLEM_CODES = [
  'unexpected',
  'storage.quota',
  'storage.aborted',
  'jsonl.notUtf8',
  'jsonl.cutCharacter',
  'jsonl.lineTooLong',
  'jsonl.invalidJson',
  'file.empty',
  'file.noLines',
  'file.isBackup',
  'file.unreadable',
  'line.notObject',
  'line.noText',
  'line.textEmpty',
  'line.unknownSchema',
  'field.type',
  'field.oneOf',
  'field.empty',
  'field.tooBig',
  'field.tooSmall',
  'field.invalid',
  'span.endBeforeStart',
  'span.outOfRange',
  'span.quoteMismatch',
  'span.holderNeedsName',
  'span.splitsAstral',
  'span.utf16OutOfRange',
  'tokens.notList',
  'tokens.notIntegers',
  'tokens.outside',
  'tokens.overlap',
  'id.unsafe',
  'backup.notRow',
  'backup.badRow',
  'backup.noHeader',
  'backup.newer',
  'backup.countMismatch',
  'backup.missingActor',
  'backup.missingDocument',
  'backup.offsetsMisfit',
  'backup.missingAnnotator',
  'import.badLines',
  'import.whoseSpans',
  'import.noAnnotator',
  'import.unreadable',
  'import.isBackup',
  'lineAt',
  'restore.invalid',
  'restore.unknownTables',
  'restore.duplicateDocument',
  'restore.cannot',
  'restore.notBackup',
  'restore.noHeader',
] as const;

/** One problem code. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];
