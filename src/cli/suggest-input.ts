/**
 * What `stance suggest` reads: the analysts' labelled spans (spans JSONL,
 * Prodigy db-out or doccano, through the agreement reader and so the shared
 * parsers), the documents to suggest for, and a gazetteer file. Every
 * problem is reported as FILE:LINE (or FILE) and nothing is computed.
 */
import { problemText } from '@core/problems/problem.ts';
import { readFile } from 'node:fs/promises';
import { sha256Hex } from '@core/document.ts';
import { detectFormat, parseRecordLine } from '@core/formats/index.ts';
import { parseGazetteer, type Gazetteer } from '@core/suggest/gazetteer.ts';
import type { AnnotatedText } from '@core/suggest/types.ts';
import { readAnnotatedFile, type ReadResult } from './agreement-reader.ts';
import { describeError } from '@core/errors.ts';
import { readJsonlFile } from './jsonl-file.ts';

/** A document to suggest for, with what its input line said of it. */
export interface InputDoc {
  docId: string;
  text: string;
  title: string | null;
  date: string | null;
  source: string | null;
}

/**
 * Documents are one per `meta.doc_id` (else per SHA-256 of the text); two
 * lines with one id but different texts are an error naming both places.
 */
class DocIds {
  private readonly seen = new Map<string, { text: string; where: string }>();

  async resolve(
    docId: string | null,
    text: string,
    where: string,
  ): Promise<{ id: string; error?: string; repeat: boolean }> {
    const id = docId ?? (await sha256Hex(text));
    const prev = this.seen.get(id);
    if (!prev) {
      this.seen.set(id, { text, where });
      return { id, repeat: false };
    }
    if (prev.text !== text)
      return {
        id,
        repeat: true,
        error: `${where}: doc_id ${id} has a different text than ${prev.where}`,
      };
    return { id, repeat: true };
  }
}

/** The labelled annotations of a file; suggestion lanes (`suggester:*`) are left out, with a note. */
export async function readLabeled(
  path: string,
): Promise<{ texts: AnnotatedText[]; errors: string[]; notes: string[] }> {
  const r: ReadResult = { lines: [], errors: [], notes: [] };
  await readAnnotatedFile(path, r);
  const errors = r.errors.slice();
  const notes = r.notes.slice();
  const ids = new DocIds();
  const byKey = new Map<string, AnnotatedText & { spans: AnnotatedText['spans'][number][] }>();
  let lanes = 0;
  for (const line of r.lines) {
    const d = await ids.resolve(line.docId ?? null, line.text, line.where ?? path);
    if (d.error) {
      errors.push(d.error);
      continue;
    }
    if (line.annotatorId.startsWith('suggester:')) {
      lanes++;
      continue;
    }
    const key = `${d.id}\u0000${line.annotatorId}`;
    const t = byKey.get(key);
    if (t) for (const s of line.spans) t.spans.push(s);
    else
      byKey.set(key, {
        docId: d.id,
        text: line.text,
        annotatorId: line.annotatorId,
        spans: [...line.spans],
      });
  }
  if (lanes > 0)
    notes.push(`${path}: ${lanes} line(s) of suggestion lanes (suggester:*) are not learned from`);
  return { texts: [...byKey.values()], errors, notes };
}

/** The documents of an input file (spans JSONL or doccano; their spans are ignored). */
export async function readInputDocs(path: string): Promise<{ docs: InputDoc[]; errors: string[] }> {
  const docs: InputDoc[] = [];
  const errors: string[] = [];
  const ids = new DocIds();
  let format: 'spans' | 'doccano' | null = null;
  let lines = 0;
  try {
    for await (const l of readJsonlFile(path)) {
      lines++;
      if (format === null) {
        const f = detectFormat(l);
        if (f === 'backup') {
          errors.push(`${path}: this is a full backup, not a file of documents`);
          return { docs, errors };
        }
        format = f;
      }
      const r = parseRecordLine(format, l);
      if (!r.ok) {
        errors.push(`${path}:${r.error.line}: ${r.error.message}`);
        continue;
      }
      if (r.skipped) continue;
      const rec = r.value;
      const d = await ids.resolve(rec.docId, rec.text, `${path}:${l.line}`);
      if (d.error) errors.push(d.error);
      else if (!d.repeat)
        docs.push({
          docId: d.id,
          text: rec.text,
          title: rec.title,
          date: rec.date,
          source: rec.source,
        });
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    errors.push(`${path}: cannot read (${code ?? describeError(err)})`);
  }
  if (lines === 0 && errors.length === 0) errors.push(`${path}: the file has no lines`);
  return { docs, errors };
}

/** A gazetteer file: a JSON object {"label": ["cue phrase", …]}. */
export async function readGazetteer(
  path: string,
): Promise<{ gazetteer: Gazetteer | null; errors: string[] }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code ?? (err instanceof TypeError ? 'not UTF-8' : String(err));
    return { gazetteer: null, errors: [`${path}: cannot read (${why})`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/u, ''));
  } catch (err) {
    return {
      gazetteer: null,
      errors: [`${path}: invalid JSON (${describeError(err)})`],
    };
  }
  const g = parseGazetteer(value);
  return g.ok
    ? { gazetteer: g.value, errors: [] }
    : { gazetteer: null, errors: g.errors.map((e) => `${path}: ${problemText(e)}`) };
}
