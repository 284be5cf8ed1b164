/** How a Node benchmark hands its SectionResult to bench/main.ts. */
import { readFileSync } from 'node:fs';
import { parseVocabulary, type Vocabulary } from '../lib/corpus.ts';
import type { SectionResult } from '../lib/results.ts';

/** bench/vocab.txt, read from disk. */
export function nodeVocabulary(): Vocabulary {
  return parseVocabulary(readFileSync('bench/vocab.txt', 'utf8'));
}

/** Prints the result as the last stdout line, tagged for the parent. */
export function emit(result: SectionResult): void {
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(result)}\n`);
}

/** Whether the parent asked for a quick run. */
export const quick = process.argv.includes('--quick');

/** Forces a full garbage collection (the runner passes --expose-gc). */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('run with --expose-gc (npm run bench does)');
  g();
  g();
}
