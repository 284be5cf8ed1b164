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

  it('trusts only the main frame of our own index.html or the dev server', () => {
    const app = 'file:///opt/stance/resources/app/out/renderer/index.html';
    expect(isTrustedSender(app, true, app, undefined)).toBe(true);
    expect(isTrustedSender(`${app}#doc`, true, app, undefined)).toBe(true);
    expect(isTrustedSender(app, false, app, undefined)).toBe(false);
    expect(isTrustedSender('file:///tmp/evil.html', true, app, undefined)).toBe(false);
    expect(isTrustedSender('https://example.com/', true, app, undefined)).toBe(false);
    expect(isTrustedSender(undefined, true, app, undefined)).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', true, app, 'http://localhost:5173')).toBe(
      true,
    );
    expect(isTrustedSender('http://localhost:5174/', true, app, 'http://localhost:5173')).toBe(
      false,
    );
  });

  it('opens only http(s) links externally', () => {
    expect(isSafeExternalUrl('https://www.rudaw.net/arabic')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
});
