import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../core/host-contract.ts';
import { isTrustedSender, SECURE_WEB_PREFERENCES } from './security.ts';

describe('window security policy', () => {
  it('isolates the renderer from Node', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('trusts only the main frame of app://stance/index.html', () => {
    expect(isTrustedSender('app://stance/index.html', true, undefined)).toBe(true);
    expect(isTrustedSender('app://stance/index.html#/annotate', true, undefined)).toBe(true);
    expect(isTrustedSender('app://stance/index.html?doc=1', true, undefined)).toBe(true);
    expect(isTrustedSender('app://stance/index.html', false, undefined)).toBe(false);
    expect(isTrustedSender(undefined, true, undefined)).toBe(false);
    expect(isTrustedSender('', true, undefined)).toBe(false);
    expect(isTrustedSender('not a url', true, undefined)).toBe(false);
  });

  it('refuses hostile senders that share a scheme, a path or a prefix with the app', () => {
    for (const url of [
      // The old file:// renderer, and the same path on another host.
      'file:///opt/stance/resources/app.asar/out/renderer/index.html',
      'file://evilhost/opt/stance/resources/app.asar/out/renderer/index.html',
      'file://evilhost/index.html',
      // Other hosts, ports, credentials on the app scheme.
      'app://evil/index.html',
      'app://stance.evil/index.html',
      'app://evil.stance/index.html',
      'app://stance:1/index.html',
      'app://user@stance/index.html',
      'app://stance@evil/index.html',
      'app:///index.html',
      // Other pages of the app's own origin (the migration's blank page).
      'app://stance/_internal/blank.html',
      'app://stance/',
      'app://stance/index.html/evil',
      'app://stance/assets/index.html',
      // Look-alikes elsewhere.
      'https://stance/index.html',
      'http://localhost:5173/',
      'https://example.com/app://stance/index.html',
      'data:text/html,app://stance/index.html',
      'about:blank',
    ]) {
      expect(isTrustedSender(url, true, undefined), url).toBe(false);
    }
  });

  it('trusts the dev server origin only when one is given (never in a packaged app)', () => {
    const dev = 'http://localhost:5173';
    expect(isTrustedSender('http://localhost:5173/', true, dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/index.html#x', true, dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', false, dev)).toBe(false);
    expect(isTrustedSender('http://localhost:5174/', true, dev)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5173/', true, dev)).toBe(false);
    expect(isTrustedSender('http://user@localhost:5173/', true, dev)).toBe(false);
    expect(isTrustedSender('https://localhost:5173/', true, dev)).toBe(false);
    // A dev server URL that is not http(s) trusts nothing extra.
    expect(isTrustedSender('file:///tmp/x.html', true, 'file:///tmp/x.html')).toBe(false);
    expect(isTrustedSender('app://stance/index.html', true, dev)).toBe(true);
  });

  it('opens only http(s) links externally', () => {
    expect(isSafeExternalUrl('https://www.rudaw.net/arabic')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
});
