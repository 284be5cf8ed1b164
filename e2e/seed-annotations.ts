// Two colleagues' annotations of three of the bundled seed articles
// (resources/corpus), written as the spans JSONL files they would export.
// The article texts are prepared by the same import code the app runs at
// first run, so the files carry exactly the stored texts; offsets are code
// points.
import { readFileSync } from 'node:fs';
import { prepareArticle } from '../src/core/import/prepare.ts';

const CORPUS = new URL('../resources/corpus/', import.meta.url);

/** The text the app stores for a seed article. */
export function seedText(file: string): string {
  const prepared = prepareArticle({ name: file, bytes: readFileSync(new URL(file, CORPUS)) });
  if (!prepared.ok) throw new Error(`${file}: ${prepared.reason}`);
  return prepared.input.text.normalize('NFC');
}

export const KADHIMI = '000_1657261326c80e5f.txt';
export const WSJ = '001_29400f97fdbec8ff.txt';
export const BARZANI = '004_8671c16eaac51af9.txt';

type Ann = [file: string, phrase: string, label: string];

/** Disagreements built in: an extent (Kadhimi), a label (WSJ), a missing span (Barzani). */
export const SEED_ANNOTATIONS: Record<string, Ann[]> = {
  'Ahmad Kareem': [
    [KADHIMI, 'لا توجد حاجة لأي قوات قتالية أجنبية على الأراضي العراقية', 'pro-withdrawal'],
    [WSJ, 'لا نحتاج لأي مقاتلين', 'pro-withdrawal'],
    [WSJ, 'نحتاج إلى تعاون في المجال الاستخباراتي', 'pro-coalition'],
    [BARZANI, 'نتائج الحوار الستراتيجي خطوة مهمة نحو تعزيز شراكة طويلة الأمد', 'pro-coalition'],
  ],
  'Sara Ali': [
    [KADHIMI, 'لا توجد حاجة لأي قوات قتالية أجنبية', 'pro-withdrawal'],
    [WSJ, 'لا نحتاج لأي مقاتلين', 'pro-withdrawal'],
    [WSJ, 'نحتاج إلى تعاون في المجال الاستخباراتي', 'pro-withdrawal'],
    [BARZANI, 'نتائج الحوار الستراتيجي خطوة مهمة نحو تعزيز شراكة طويلة الأمد', 'pro-coalition'],
    [BARZANI, 'سيقتصر على تدريب القوّات العراقيّة', 'pro-coalition'],
  ],
};

/** The colleague's file: one line per annotated seed article. */
export function seedColleagueFile(annotator: string): string {
  const files = [...new Set(SEED_ANNOTATIONS[annotator]!.map(([f]) => f))];
  return files
    .map((file) => {
      const text = seedText(file);
      const spans = SEED_ANNOTATIONS[annotator]!.filter(([f]) => f === file).map(
        ([, phrase, label]) => {
          const at = text.indexOf(phrase);
          if (at < 0) throw new Error(`${file}: phrase not found: ${phrase}`);
          const start = [...text.slice(0, at)].length;
          return { start, end: start + [...phrase].length, label, text: phrase };
        },
      );
      return JSON.stringify({ text, spans, meta: { status: 'done' }, _annotator_id: annotator });
    })
    .join('\n');
}
