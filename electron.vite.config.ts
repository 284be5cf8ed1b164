// Build config for the three Electron processes. The renderer is the same
// Vite app that `vite.web.config.ts` serves to plain browsers.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { devCsp } from './scripts/dev-csp.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

export default defineConfig({
  main: {
    build: { externalizeDeps: true },
    resolve: { alias: { '@core': resolve('src/core') } },
  },
  preload: {
    // A sandboxed preload cannot `require` anything but electron: bundle it
    // all into one CommonJS file.
    build: {
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
    resolve: { alias: { '@core': resolve('src/core') } },
  },
  renderer: {
    root: 'src/renderer',
    resolve: { alias: { '@core': resolve('src/core') } },
    plugins: [react(), devCsp()],
    define,
    // Minified like the web build (electron-vite leaves it unminified): the
    // entry chunk is what every start parses (docs/architecture.md, What
    // loads when).
    build: { minify: true, rollupOptions: { input: resolve('src/renderer/index.html') } },
    // The article import worker is a module worker (corpus/article-worker.ts).
    worker: { format: 'es' },
  },
});
