// The built index.html carries a strict CSP, and the page enforces it.
import { expect, test } from '@playwright/test';
import { startAs } from './helpers.ts';

function parseCsp(html: string): Map<string, string[]> {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!m?.[1]) throw new Error('no CSP meta tag in the built index.html');
  return new Map(
    m[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

test('the built index.html has a strict CSP and no inline script', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const csp = parseCsp(html);
  expect(csp.get('default-src')).toEqual(["'none'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  // The web build may connect to a team server (docs/team.md): https, or
  // plain http only to this machine; nothing else widens the policy.
  expect(csp.get('connect-src')).toEqual([
    "'self'",
    'https:',
    'http://localhost:*',
    'http://127.0.0.1:*',
  ]);
  for (const [directive, values] of csp) {
    if (directive === 'connect-src') continue;
    for (const v of values) {
      expect(v, `${directive} allows ${v}`).not.toMatch(
        /^(https?:|\*|'unsafe-inline'|'unsafe-eval'|data:$)/,
      );
    }
  }
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\ssrc=/);
    expect(body!.trim()).toBe('');
  }
});

test('the page refuses inline script and remote loads', async ({ page }) => {
  // Blocked requests may still be announced; what counts is that none is answered.
  const remote: string[] = [];
  page.on('response', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) remote.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByRole('dialog', { name: 'Welcome to Stance Workbench' })).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(e.violatedDirective),
    );
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    const img = document.createElement('img');
    img.src = 'https://example.com/tracker.png';
    document.body.append(img);
  });
  // Wait for both refusals to be reported, then check the script never ran.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))
    .toEqual(expect.arrayContaining(['script-src-elem', 'img-src']));
  expect(
    await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan),
  ).toBeUndefined();
  expect(remote).toEqual([]);
});

test('the renderer reaches neither require nor process', async ({ page }) => {
  await startAs(page);
  const reach = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    module: typeof (globalThis as { module?: unknown }).module,
  }));
  expect(reach).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });
});
