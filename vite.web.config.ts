// The renderer served to any Chromium without Electron (`npm run web`, e2e).
// It uses the browser host instead of the preload bridge.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { devCsp } from './scripts/dev-csp.ts';
import { webCsp } from './scripts/web-csp.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

export default defineConfig({
  root: 'src/renderer',
  base: './',
  resolve: { alias: { '@core': resolve('src/core') } },
  plugins: [react(), devCsp(), webCsp()],
  define,
  server: { host: '127.0.0.1', port: 5180, strictPort: false },
  preview: { host: '127.0.0.1', port: 5181, strictPort: true },
  build: { outDir: resolve('dist-web'), emptyOutDir: true },
  // The article import worker is a module worker (corpus/article-worker.ts).
  worker: { format: 'es' },
});
