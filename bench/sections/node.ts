/**
 * Runs a Node benchmark (bench/node/*.ts) in its own process, with the GC
 * exposed and a clean heap, and reads the SectionResult it prints.
 */
import { spawn } from 'node:child_process';
import type { BenchContext } from '../lib/context.ts';
import type { SectionResult } from '../lib/results.ts';

export function nodeSection(script: string): (ctx: BenchContext) => Promise<SectionResult> {
  return (ctx) =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--expose-gc',
          '--max-old-space-size=4096',
          '--import',
          'tsx',
          `bench/node/${script}.ts`,
          ...(ctx.quick ? ['--quick'] : []),
        ],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
          env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.web.json' },
        },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', (code) => {
        const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
        if (code === 0 && line)
          resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as SectionResult);
        else reject(new Error(`bench/node/${script}.ts exited ${code}: ${out.slice(-500)}`));
      });
    });
}
