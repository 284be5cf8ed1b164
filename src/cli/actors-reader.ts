/**
 * Reads spans JSONL files (also Prodigy db-out and doccano, through the
 * shared parsers of src/core/formats) into what analysis counts: spans with
 * their holder actor, documents (grouped by `meta.doc_id`, else by text)
 * with title, date and outlet, and the actors the files name (`holder_id`,
 * with `holder` as the name). Every bad line is reported as FILE:LINE.
 */
import { basename, extname } from 'node:path';
import type { AnalysisDoc, AnalysisSpan } from '@core/actors/analysis.ts';
import { detectFormat, parseRecordLine } from '@core/formats/index.ts';
import type { ActorRecord } from '@core/model.ts';
import { readJsonlFile } from './jsonl-file.ts';

/** Everything read from the files. */
export interface AnalysisFiles {
  spans: AnalysisSpan[];
  /** By document key (`id:<doc_id>` or `text:<n>`). */
  docs: Map<string, AnalysisDoc>;
  /** Document key → the doc_id to print (null: the file gave none). */
  docIds: Map<string, string | null>;
  actors: ActorRecord[];
  /** Document key → the annotators who annotated it (a line for it, even with no spans). */
  annotated: Map<string, Set<string>>;
  /** Annotators in order of first appearance. */
  annotators: string[];
  errors: string[];
  notes: string[];
}

const ARABIC = /[\u0600-\u06ff]/u;

/** Reads `paths` in order; lines without `_annotator_id` count as the file's name. */
export async function readAnalysisFiles(paths: readonly string[]): Promise<AnalysisFiles> {
  const out: AnalysisFiles = {
    spans: [],
    docs: new Map(),
    docIds: new Map(),
    actors: [],
    annotated: new Map(),
    annotators: [],
    errors: [],
    notes: [],
  };
  const actors = new Map<string, ActorRecord>();
  const byText = new Map<string, string>();
  const textOf = new Map<string, { text: string; where: string }>();
  for (const path of paths) {
    const fallback = basename(path, extname(path));
    let format: 'spans' | 'doccano' | null = null;
    let unnamed = 0;
    let lines = 0;
    try {
      for await (const l of readJsonlFile(path)) {
        lines++;
        if (format === null) {
          const f = detectFormat(l);
          if (f === 'backup') {
            out.errors.push(`${path}: this is a full backup, not a dataset of spans`);
            break;
          }
          format = f;
        }
        const r = parseRecordLine(format, l);
        if (!r.ok) {
          out.errors.push(`${path}:${r.error.line}: ${r.error.message}`);
          continue;
        }
        if (r.skipped) continue;
        const rec = r.value;
        const where = `${path}:${l.line}`;
        let key: string;
        if (rec.docId !== null) {
          key = `id:${rec.docId}`;
          const seen = textOf.get(key);
          if (seen && seen.text !== rec.text) {
            out.errors.push(
              `${where}: doc_id ${rec.docId} has a different text than ${seen.where}`,
            );
            continue;
          }
          if (!seen) textOf.set(key, { text: rec.text, where });
        } else {
          key = byText.get(rec.text) ?? `text:${byText.size + 1}`;
          byText.set(rec.text, key);
        }
        if (!out.docs.has(key)) {
          out.docs.set(key, {
            id: key,
            title: rec.title ?? '',
            date: rec.date,
            outlet: rec.source,
          });
          out.docIds.set(key, rec.docId);
        }
        if (rec.annotatorId === null) unnamed++;
        const annotatorId = rec.annotatorId ?? fallback;
        if (!out.annotators.includes(annotatorId)) out.annotators.push(annotatorId);
        let who = out.annotated.get(key);
        if (!who) out.annotated.set(key, (who = new Set()));
        who.add(annotatorId);
        rec.spans.forEach((s, i) => {
          if (s.holderActor && s.holder && !actors.has(s.holderActor.id)) {
            const arabic = ARABIC.test(s.holder);
            actors.set(s.holderActor.id, {
              id: s.holderActor.id,
              nameAr: arabic ? s.holder : '',
              nameEn: s.holderActor.nameEn || (arabic ? '' : s.holder),
              kind: s.holderActor.kind ?? 'person',
              affiliation: null,
              aliases: [],
              createdAt: 0,
              updatedAt: 0,
            });
          }
          out.spans.push({
            id: `${where}#${i}`,
            docId: key,
            annotatorId,
            label: s.label,
            start: s.start,
            end: s.end,
            quote: s.quote ?? [...rec.text].slice(s.start, s.end).join(''),
            holder: s.holder,
            holderActorId: s.holderActor?.id ?? null,
            target: s.target ?? null,
            attribution: s.attribution ?? null,
          });
        });
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      out.errors.push(
        `${path}: cannot read (${code ?? (err instanceof Error ? err.message : String(err))})`,
      );
      continue;
    }
    if (lines === 0) out.errors.push(`${path}: the file has no lines`);
    if (unnamed > 0)
      out.notes.push(
        `${path}: ${unnamed} line(s) without _annotator_id are counted as '${fallback}'`,
      );
  }
  out.actors = [...actors.values()];
  return out;
}
