// HTML import through @mozilla/readability with linkedom as the parser (as
// the CLI does): article text, metadata from meta tags and JSON-LD, and a
// clear refusal for pages without an article.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { HtmlDocument } from '../../src/core/import/html.ts';
import { extractHtml } from '../../src/core/import/html.ts';
import { prepareArticle } from '../../src/core/import/prepare.ts';

const parse = (html: string): HtmlDocument => parseHTML(html).document as unknown as HtmlDocument;

const P1 =
  'قال رئيس الوزراء العراقي مصطفى الكاظمي إن بلاده لم تعد بحاجة إلى قوات قتالية أميركية لمحاربة تنظيم داعش، لكن الإطار الزمني لإعادة انتشارهم سيعتمد على المحادثات.';
const P2 =
  'وأضاف الكاظمي أن العراق سيستمر في طلب التدريب وجمع المعلومات الاستخبارية من الولايات المتحدة، مؤكداً أن قوات الأمن العراقية قادرة على الدفاع عن البلاد.';

function page(head: string, body: string): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">${head}</head><body>
<header><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav></header>
${body}
<footer>جميع الحقوق محفوظة</footer></body></html>`;
}

describe('HTML import', () => {
  it('extracts the article and its metadata from meta tags', () => {
    const html = page(
      `<title>الكاظمي: لا حاجة لقوات قتالية - موقع الأخبار</title>
       <meta property="og:title" content="الكاظمي: لا حاجة لقوات قتالية">
       <meta property="og:site_name" content="الجزيرة نت">
       <meta property="article:published_time" content="2021-07-26T08:00:00Z">
       <meta name="author" content="أحمد علي">
       <script>globalThis.__ran = true</script>`,
      `<article><h1>الكاظمي: لا حاجة لقوات قتالية</h1>
       <div class="share">شارك: فيسبوك تويتر واتساب</div>
       <p>${P1}</p><p>${P2}</p>
       <img src="https://example.invalid/x.jpg" onerror="globalThis.__ran = true">
       <p>اقرأ أيضاً: <a href="/other">خبر آخر عن العراق</a></p></article>`,
    );
    const r = prepareArticle(
      { name: 'kadhimi.html', bytes: new TextEncoder().encode(html) },
      { parseHtml: parse },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toMatchObject({
      title: 'الكاظمي: لا حاجة لقوات قتالية',
      date: '2021-07-26T08:00:00Z',
      author: 'أحمد علي',
      outlet: 'الجزيرة',
      file: 'kadhimi.html',
    });
    expect(r.input.text).toContain(P1);
    expect(r.input.text).toContain(P2);
    expect(r.input.text).not.toMatch(/شارك|اقرأ أيضاً|الرئيسية|globalThis/u);
    expect(r.input.removed.map((x) => x.rule)).toEqual(
      expect.arrayContaining(['page-chrome', 'read-also']),
    );
    expect((globalThis as { __ran?: boolean }).__ran).toBeUndefined();
  });

  it('reads title, date, author and publisher from JSON-LD', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'بايدن يستقبل الكاظمي',
      datePublished: '2021-07-26',
      author: [{ '@type': 'Person', name: 'سارة محمد' }],
      publisher: { '@type': 'Organization', name: 'رووداو' },
    });
    const html = page(
      `<script type="application/ld+json">${ld}</script>`,
      `<main><p>${P1}</p><p>${P2}</p></main>`,
    );
    const r = extractHtml(html, parse);
    expect(r).toMatchObject({
      ok: true,
      meta: {
        title: 'بايدن يستقبل الكاظمي',
        date: '2021-07-26',
        author: 'سارة محمد',
        outlet: 'رووداو',
      },
    });
  });

  it('refuses a page without an article, and HTML when no parser is available', () => {
    const html = page(
      '<title>Login</title>',
      '<form><input name="user"><button>Go</button></form>',
    );
    expect(extractHtml(html, parse)).toEqual({
      ok: false,
      reason: 'the HTML page has no article text',
    });
    const bytes = new TextEncoder().encode(page('', `<p>${P1}</p>`));
    expect(prepareArticle({ name: 'a.html', bytes })).toEqual({
      ok: false,
      reason: 'HTML import is not available here',
    });
  });

  it('treats a .txt file that is really an HTML page as HTML', () => {
    const html = page(
      '<meta property="og:title" content="عنوان">',
      `<article><p>${P1}</p><p>${P2}</p></article>`,
    );
    const r = prepareArticle(
      { name: 'saved.txt', bytes: new TextEncoder().encode(html) },
      { parseHtml: parse },
    );
    expect(r.ok && r.input.title).toBe('عنوان');
  });
});
