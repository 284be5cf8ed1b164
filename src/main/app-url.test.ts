// URL → file resolution of the app:// scheme: hostile URLs (plain and
// percent-encoded traversal, backslashes, drive letters, NUL, other hosts)
// never name anything outside the renderer's folder.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_BLANK_URL, APP_INDEX_URL, APP_ORIGIN, mimeType, resolveAppPath } from './app-url.ts';

describe('resolveAppPath', () => {
  it('maps the app URLs to files of the renderer folder', () => {
    expect(APP_ORIGIN).toBe('app://stance');
    expect(resolveAppPath(APP_INDEX_URL)).toEqual({ ok: true, segments: ['index.html'] });
    expect(resolveAppPath('app://stance/')).toEqual({ ok: true, segments: ['index.html'] });
    expect(resolveAppPath('app://stance/assets/index-BD1f3ikP.js?v=1#x')).toEqual({
      ok: true,
      segments: ['assets', 'index-BD1f3ikP.js'],
    });
    expect(resolveAppPath('app://stance/%D8%B9%D8%B1%D8%A8%D9%8A.txt')).toEqual({
      ok: true,
      segments: ['عربي.txt'],
    });
    expect(resolveAppPath(APP_BLANK_URL)).toEqual({
      ok: true,
      segments: ['_internal', 'blank.html'],
    });
  });

  it('refuses encoded traversal, separators, drive letters and control characters', () => {
    for (const url of [
      'app://stance/%2E%2E%2Fetc%2Fpasswd',
      'app://stance/..%2fetc/passwd',
      'app://stance/assets/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://stance/..\\..\\etc\\passwd',
      'app://stance/%5c..%5c..%5cetc%5cpasswd',
      'app://stance/assets%5C..%5C..%5Cwin.ini',
      'app://stance//etc/passwd',
      'app://stance/%2Fetc%2Fpasswd',
      'app://stance/C:/Windows/win.ini',
      'app://stance/C%3A%5CWindows%5Cwin.ini',
      'app://stance/index.html::$DATA',
      'app://stance/assets/x.js%00.png',
      'app://stance/a%0Ab',
      'app://stance/assets/',
    ]) {
      expect(resolveAppPath(url), url).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('clamps plain dot segments at the folder root, as the URL standard does', () => {
    // Chromium canonicalises these before the handler sees them; either way
    // what is left is a path inside the folder.
    for (const url of [
      'app://stance/../etc/passwd',
      'app://stance/assets/../../../etc/passwd',
      'app://stance/%2e%2e/%2e%2e/etc/passwd',
      'app://stance/.%2E/etc/passwd',
    ]) {
      expect(resolveAppPath(url), url).toEqual({ ok: true, segments: ['etc', 'passwd'] });
    }
  });

  it('answers only the app host, without credentials or port', () => {
    for (const url of [
      'app://evil/index.html',
      'app://stance.evil/index.html',
      'app://evil.stance/index.html',
      'app://stance:8080/index.html',
      'app://user:pw@stance/index.html',
      'app:///etc/passwd',
      'app:stance/index.html',
      'file:///etc/passwd',
      'file://stance/index.html',
      'https://stance/index.html',
    ]) {
      expect(resolveAppPath(url), url).toMatchObject({ ok: false, status: 404 });
    }
  });

  it('refuses malformed percent-encoding and non-URLs', () => {
    expect(resolveAppPath('app://stance/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppPath('app://stance/%')).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppPath('not a url')).toMatchObject({ ok: false, status: 400 });
  });

  it('never yields a segment that could leave the folder, whatever the path', () => {
    const piece = fc.constantFrom(
      '..',
      '.',
      '%2e',
      '%2E',
      '%2f',
      '%5c',
      '\\',
      '/',
      'a',
      '%00',
      ':',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const r = resolveAppPath(`app://stance/${pieces.join('')}`);
        if (!r.ok) return;
        for (const s of r.segments) {
          expect(s).not.toMatch(/^\.{1,2}$|[/\\:\0]/);
          expect(s.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('mimeType', () => {
  it('gives the renderer files their real types, and unknown ones none a page can use', () => {
    expect(mimeType('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('index-BD1f3ikP.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('worker.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('index-VRJDqLKr.css')).toBe('text/css; charset=utf-8');
    expect(mimeType('favicon.svg')).toBe('image/svg+xml');
    expect(mimeType('noto-naskh-arabic-arabic-400-normal.woff2')).toBe('font/woff2');
    expect(mimeType('noto-naskh-arabic-arabic-400-normal.woff')).toBe('font/woff');
    expect(mimeType('seed.json')).toBe('application/json; charset=utf-8');
    expect(mimeType('module.wasm')).toBe('application/wasm');
    expect(mimeType('README')).toBe('application/octet-stream');
    expect(mimeType('payload.exe')).toBe('application/octet-stream');
  });
});
