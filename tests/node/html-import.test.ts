// HTML import through @mozilla/readability with linkedom as the parser (as
// the CLI does): article text, metadata from meta tags and JSON-LD, and a
// clear refusal for pages without an article.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { HtmlDocument, HtmlNode } from '../../src/core/import/html.ts';
import { blockText, extractHtml } from '../../src/core/import/html.ts';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from '../../src/core/limits.ts';
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
    expect(extractHtml(html, parse)).toMatchObject({
      ok: false,
      reason: 'the HTML page has no article text',
    });
    const bytes = new TextEncoder().encode(page('', `<p>${P1}</p>`));
    expect(prepareArticle({ name: 'a.html', bytes })).toMatchObject({
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

describe('HTML import under hostile pages', () => {
  const article = `<article><h1>عنوان</h1><p>${P1}</p><p>${P2}</p></article>`;

  it('refuses a page nested deeper than the limit before Readability reads it', () => {
    // 2,000 nested <div>s (24 KB) took Readability 16 s; 5,000 over 100 s.
    const deep = `<!doctype html><html><body>${'<div>'.repeat(2000)}${article}${'</div>'.repeat(2000)}</body></html>`;
    expect(deep.length).toBeLessThan(30_000);
    expect(extractHtml(deep, parse)).toMatchObject({
      ok: false,
      reason: `the page nests elements more than ${MAX_HTML_DEPTH} deep (the limit is ${MAX_HTML_DEPTH}); save the article as text and import that`,
    });
    // At a limit a page is read, one over it is not (small limits, same rule).
    const nested = (n: number): string =>
      `<!doctype html><html><body>${'<div>'.repeat(n)}${article}${'</div>'.repeat(n)}</body></html>`;
    // <html>, <body>, n <div>s, <article>, <p>: n + 4 levels.
    expect(extractHtml(nested(36), parse, { depth: 40, elements: 1000 }).ok).toBe(true);
    expect(extractHtml(nested(37), parse, { depth: 40, elements: 1000 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('more than 40 deep') as string,
    });
  }, 60_000);

  it('refuses a page with more elements than the limit, naming it', () => {
    const many = `<!doctype html><html><body>${article}${'<span>x</span>'.repeat(MAX_HTML_ELEMENTS)}</body></html>`;
    expect(extractHtml(many, parse)).toMatchObject({
      ok: false,
      reason: `the page has more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} elements (the limit); save the article as text and import that`,
    });
  }, 60_000);

  it('walks a page by firstChild/nextSibling, without recursion', { timeout: 60_000 }, () => {
    // linkedom builds childNodes afresh on every access, so walking it by
    // index made a page of 20,000 sibling blocks take minutes; recursion
    // overflowed on deep pages. These nodes have no childNodes at all.
    const text = (t: string): HtmlNode => ({
      nodeType: 3,
      nodeName: '#text',
      textContent: t,
      firstChild: null,
      nextSibling: null,
    });
    const element = (name: string, children: HtmlNode[]): HtmlNode => {
      children.forEach(
        (c, i) => ((c as { nextSibling: HtmlNode | null }).nextSibling = children[i + 1] ?? null),
      );
      return {
        nodeType: 1,
        nodeName: name,
        textContent: null,
        firstChild: children[0] ?? null,
        nextSibling: null,
      };
    };
    const wide = element(
      'BODY',
      Array.from({ length: 20_000 }, (_, i) => element('P', [text(`p${i}`)])),
    );
    const lines = blockText(wide)
      .split('\n')
      .filter((l) => l !== '');
    expect(lines).toHaveLength(20_000);
    expect(lines[19_999]).toBe('p19999');
    let deep = element('P', [text('قاع')]);
    for (let i = 0; i < 100_000; i++) deep = element('DIV', [deep]);
    expect(blockText(deep)).toBe('قاع');
  });
});
