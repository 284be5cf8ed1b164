// Builds the benchmark pages (bench/pages/*.html) the way the app is built:
// same @core alias, same React plugin, production mode. bench/run.mjs serves
// the output next to the web build so both share one origin.
import { resolve } from 'node:path';
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const pages = resolve('bench/pages');
const input = Object.fromEntries(
  readdirSync(pages)
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f.replace(/\.html$/, ''), resolve(pages, f)]),
);

export default defineConfig({
  root: pages,
  base: './',
  resolve: { alias: { '@core': resolve('src/core') } },
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('bench') },
  logLevel: 'warn',
  build: {
    outDir: resolve('bench/.tmp/pages'),
    emptyOutDir: true,
    // BENCH_NO_MINIFY=1 keeps function names readable in CPU profiles.
    ...(process.env.BENCH_NO_MINIFY ? { minify: false } : {}),
    rolldownOptions: { input },
  },
});
