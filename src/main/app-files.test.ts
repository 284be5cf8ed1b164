// The app:// handler on a real folder: it serves the renderer's files with
// their types, and nothing outside the folder, whether reached by an
// encoded path or by a symbolic link.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppFileHandler } from './app-files.ts';
import { APP_BLANK_URL } from './app-url.ts';

const base = mkdtempSync(join(tmpdir(), 'stance-app-files-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Stance</title>');
writeFileSync(join(root, 'assets', 'index.js'), 'export const x = 1;');
writeFileSync(join(root, 'assets', 'naskh.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
writeFileSync(join(base, 'secret.txt'), 'SECRET-OUTSIDE');
writeFileSync(join(base, 'passwd'), 'SECRET-OUTSIDE');
symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'leak.txt'));
symlinkSync(base, join(root, 'up'));
symlinkSync(join(root, 'assets', 'index.js'), join(root, 'alias.js'));
if (process.platform !== 'win32') execFileSync('mkfifo', [join(root, 'pipe.js')]);
// A second folder whose name starts like the root's: a prefix check would pass it.
mkdirSync(`${root}-evil`);
writeFileSync(join(`${root}-evil`, 'x.js'), 'evil');
symlinkSync(join(`${root}-evil`, 'x.js'), join(root, 'sibling.js'));

afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = createAppFileHandler(root);
const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// file handler', () => {
  it('serves the page, scripts and fonts with their types', async () => {
    const page = await get('app://stance/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Stance</title>');
    expect((await get('app://stance/')).status).toBe(200);

    const js = await get('app://stance/assets/index.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export const x = 1;');

    const font = await get('app://stance/assets/naskh.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(
      new Uint8Array([0x77, 0x4f, 0x46, 0x32]),
    );
    const head = await get('app://stance/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('follows a symbolic link that stays inside the folder', async () => {
    const res = await get('app://stance/alias.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('export const x = 1;');
  });

  it('refuses symbolic links that lead out of the folder', async () => {
    for (const url of [
      'app://stance/assets/leak.txt',
      'app://stance/up/secret.txt',
      'app://stance/sibling.js',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(403);
      expect(await res.text()).not.toContain('SECRET-OUTSIDE');
    }
  });

  it('never serves a file outside the folder through traversal, encoded or not', async () => {
    for (const url of [
      'app://stance/../secret.txt',
      'app://stance/../passwd',
      'app://stance/%2e%2e/secret.txt',
      'app://stance/%2e%2e%2fsecret.txt',
      'app://stance/..%5csecret.txt',
      'app://stance/assets/..%2F..%2Fsecret.txt',
      `app://stance/${encodeURIComponent(join(base, 'secret.txt'))}`,
      `app://stance${join(base, 'secret.txt')}`,
    ]) {
      const res = await get(url);
      expect([403, 404], url).toContain(res.status);
      expect(await res.text(), url).not.toContain('SECRET-OUTSIDE');
    }
  });

  it('answers 404 for other hosts, folders, missing and special files; 405 for writes', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://stance/missing.js')).status).toBe(404);
    expect((await get('app://stance/up')).status).toBe(403);
    expect((await get('app://stance/assets')).status).toBe(404);
    if (process.platform !== 'win32') expect((await get('app://stance/pipe.js')).status).toBe(404);
    expect((await get('app://stance/index.html', 'POST')).status).toBe(405);
  });

  it('answers 404, not an error, when the renderer folder is missing', async () => {
    const missing = createAppFileHandler(join(base, 'not-built'));
    expect((await missing(new Request('app://stance/index.html'))).status).toBe(404);
  });

  it('serves the blank page of the origin from memory', async () => {
    const res = await get(APP_BLANK_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<title>Stance Workbench</title>');
    expect(html).not.toMatch(/<script|<link|<iframe/i);
  });
});
