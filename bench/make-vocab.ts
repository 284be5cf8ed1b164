/**
 * Writes bench/vocab.txt, the seed vocabulary the benchmark corpora are drawn
 * from: every word token of the seed articles with its count, most frequent
 * first. Run once when the seeds change:
 * `node --import tsx bench/make-vocab.ts /work/shared/seeds`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../src/core/tokenize.ts';

const dir = process.argv[2] ?? 'resources/corpus';
const counts = new Map<string, number>();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
  const text = readFileSync(join(dir, file), 'utf8').normalize('NFC');
  for (const t of tokenize(text)) {
    if (!/^[\p{L}\p{N}][\p{L}\p{M}\p{N}.\-/]*$/u.test(t.text)) continue;
    counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
  }
}
const lines = [...counts]
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  .map(([w, n]) => `${w}\t${n}`);
writeFileSync('bench/vocab.txt', `${lines.join('\n')}\n`);
console.log(`bench/vocab.txt: ${lines.length} words from ${dir}`);
