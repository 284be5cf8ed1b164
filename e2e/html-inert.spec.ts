// An imported HTML page is untrusted: its scripts never run, its handlers
// never fire and nothing it references is fetched, in the app itself.
import { expect, test } from '@playwright/test';
import { startAs } from './helpers.ts';

const P =
  'قال رئيس الوزراء العراقي مصطفى الكاظمي إن بلاده لم تعد بحاجة إلى قوات قتالية أميركية لمحاربة تنظيم داعش. ';

const HOSTILE = `<!doctype html><html lang="ar"><head>
<meta property="og:title" content="صفحة معادية عن الحوار الاستراتيجي">
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/x.css">
<script>window.__pwned = 'head script'</script>
<script src="https://evil.example/x.js"></script>
</head><body onload="window.__pwned = 'body onload'">
<iframe src="https://evil.example/frame"></iframe>
<article><h1>صفحة معادية عن الحوار الاستراتيجي</h1>
<p>${P.repeat(3)}<img src="https://evil.example/a.png" onerror="window.__pwned = 'img onerror'"></p>
<p onclick="window.__pwned = 'click'">${P.repeat(2)}<svg onload="window.__pwned = 'svg onload'"></svg></p>
<img src="x" onerror="window.__pwned = 'relative onerror'">
<video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video>
<script>window.__pwned = 'body script'</script>
<object data="https://evil.example/o.swf"></object>
</article></body></html>`;

test('importing a hostile HTML page runs and loads nothing', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) foreign.push(r.url());
  });
  await startAs(page);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open files…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE) });
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('listitem')).toHaveText([
    'hostile.html: imported as “صفحة معادية عن الحوار الاستراتيجي”',
  ]);

  // Open it and read it: the text is there, none of the page's code is.
  await page.getByRole('option', { name: /صفحة معادية/ }).click();
  const pane = page.getByRole('main', { name: 'Reading pane' });
  await expect(pane).toContainText('مصطفى الكاظمي');
  await expect(pane).not.toContainText('__pwned');

  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
  ).toBeUndefined();
  expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1/);
  expect(foreign).toEqual([]);
});

test('HTML is read in a worker: a page nested too deep is refused, naming the limit', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await startAs(page);

  const P2 = P.repeat(4);
  // 2,000 nested <div>s: 24 KB that kept Readability busy for 16 s.
  const deep = `<!doctype html><html><body>${'<div>'.repeat(2000)}<article><p>${P2}</p></article>${'</div>'.repeat(2000)}</body></html>`;
  const fine = `<!doctype html><html lang="ar"><head><meta property="og:title" content="مقال عادي عن الانسحاب"></head><body><article><h1>مقال عادي عن الانسحاب</h1><p>${P2}</p></article></body></html>`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open files…' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'deep.html', mimeType: 'text/html', buffer: Buffer.from(deep) },
    { name: 'fine.html', mimeType: 'text/html', buffer: Buffer.from(fine) },
  ]);
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('listitem')).toHaveText([
    'deep.html: not imported: the page nests elements more than 128 deep (the limit is 128); save the article as text and import that',
    'fine.html: imported as “مقال عادي عن الانسحاب”',
  ]);
  // The built app started its article worker (beside the suggestion
  // worker), every worker from its own origin.
  expect(workers.filter((u) => u.includes('article-worker'))).toEqual([
    expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/assets\/article-worker-[\w-]+\.js$/),
  ]);
  for (const u of workers) expect(u).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/assets\//);
  await page.screenshot({ path: 'test-results/html-import-limits.png' });
});
