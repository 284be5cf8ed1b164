// Untrusted input, fuzzed: random and mutated text, HTML and JSONL go to
// every importer and every CLI command. Each run ends (no hang: the test
// has the default time limit) with a clear error or a valid result whose
// offsets lie inside its text. Never a crash.
import fc from 'fast-check';
import { anyUtf16String } from '../../src/core/testing/arbitraries.ts';
import { parseHTML } from 'linkedom';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HtmlDocument } from '../../src/core/import/html.ts';
import { prepareArticle } from '../../src/core/import/prepare.ts';
import { cpLength, cpSlice } from '../../src/core/offsets.ts';
import { main } from '../../src/cli/main.ts';

const parse = (html: string): HtmlDocument => parseHTML(html).document as unknown as HtmlDocument;
const enc = new TextEncoder();

const ARTICLE = `<!doctype html><html lang="ar"><head><meta charset="utf-8">
<meta property="og:title" content="الكاظمي: لا حاجة لقوات قتالية"><script>globalThis.__fuzzRan = true</script></head>
<body><nav>الرئيسية | أخبار</nav><article><h1>الكاظمي: لا حاجة لقوات قتالية</h1>
<p>قال رئيس الوزراء العراقي مصطفى الكاظمي إن بلاده لم تعد بحاجة إلى قوات قتالية أميركية 🇮🇶 لمحاربة تنظيم داعش.</p>
<img src="https://example.invalid/x.jpg" onerror="globalThis.__fuzzRan = true">
<p>وأضاف أن العراق سيستمر في طلب التدريب وجمع المعلومات الاستخبارية من الولايات المتحدة.</p></article></body></html>`;

const LINE = JSON.stringify({
  text: 'قال الكاظمي 👍🏽 إن العراق لا يحتاج قوات قتالية',
  spans: [{ start: 18, end: 24, label: 'pro-withdrawal', text: 'العراق' }],
  _annotator_id: 'Laila',
  meta: { doc_id: 'd1' },
});

/** Mutations of a seed string: cuts, insertions, duplications, byte noise. */
function mutated(seed: string): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.tuple(fc.constant('cut' as const), fc.nat(), fc.nat()),
    fc.tuple(fc.constant('insert' as const), fc.nat(), anyUtf16String(20)),
    fc.tuple(fc.constant('dup' as const), fc.nat(), fc.nat()),
  );
  return fc.array(edit, { maxLength: 8 }).map((edits) => {
    let s = seed;
    for (const [kind, a, b] of edits) {
      const i = a % (s.length + 1);
      if (kind === 'cut') s = s.slice(0, i) + s.slice(Math.min(s.length, i + ((b as number) % 40)));
      else if (kind === 'insert') s = s.slice(0, i) + (b as string) + s.slice(i);
      else s = s.slice(0, i) + s.slice(i, i + ((b as number) % 80)) + s.slice(i);
    }
    return s;
  });
}

const anyText = fc.oneof(mutated(ARTICLE), mutated(LINE), anyUtf16String(400));
const anyBytes = fc.oneof(
  anyText.map((s) => enc.encode(s)),
  fc.uint8Array({ maxLength: 400 }),
);

describe('importers on untrusted input', () => {
  it('prepareArticle returns a clear reason or a document, for any bytes and any name', () => {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom('a.txt', 'a.html', 'a.htm', 'noext'), (bytes, name) => {
        const r = prepareArticle({ name, bytes }, { parseHtml: parse });
        if (r.ok) {
          expect(typeof r.input.text).toBe('string');
          // The page's title, or none: never an invented one.
          expect(r.input.title).toBe(r.input.title.trim());
        } else {
          expect(r.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100 },
    );
    expect((globalThis as { __fuzzRan?: boolean }).__fuzzRan).toBeUndefined();
  });
});

describe('the stance CLI on untrusted files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stance-fuzz-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(args, { stdout: (s) => void (out += s), stderr: (s) => (err += s) });
    return { code, out, err };
  }

  /** Writes `bytes` as a fresh .jsonl and .html file; their paths. */
  let n = 0;
  async function files(bytes: Uint8Array): Promise<{ jsonl: string; html: string }> {
    const jsonl = join(dir, `f${n}.jsonl`);
    const html = join(dir, `f${n}.html`);
    n++;
    await writeFile(jsonl, bytes);
    await writeFile(html, bytes);
    return { jsonl, html };
  }

  // One property per command, each with a modest number of runs. The first
  // `prepare` starts the HTML importer's worker thread, which compiles on a
  // cold start: seconds on a busy machine (vitest.config.ts's hang guard).
  it('validate and prepare answer with exit 0 or 1 and a message, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (bytes) => {
        const { jsonl, html } = await files(bytes);
        const validate = await run(['validate', jsonl]);
        expect([0, 1]).toContain(validate.code);
        // Problems are listed on stderr, one `FILE:LINE: message` each.
        if (validate.code === 1) {
          expect(validate.out).toBe('');
          expect(validate.err.length).toBeGreaterThan(0);
          for (const line of validate.err.trim().split('\n')) {
            expect(line.startsWith(`${jsonl}:`)).toBe(true);
            expect(line).toMatch(/^.+?(:\d+)?: .+/);
          }
        }

        const prepare = await run(['prepare', html]);
        expect([0, 1]).toContain(prepare.code);
        if (prepare.code === 1) expect(prepare.err).toContain(html);
        for (const line of prepare.out.split('\n').filter(Boolean)) {
          const doc = JSON.parse(line) as {
            text: string;
            tokens: { text: string; start: number; end: number }[];
          };
          for (const t of doc.tokens) {
            expect(t.start).toBeGreaterThanOrEqual(0);
            expect(t.end).toBeLessThanOrEqual(cpLength(doc.text));
            expect(cpSlice(doc.text, t.start, t.end)).toBe(t.text);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('convert to every format answers with exit 0 or 1 and a message, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (bytes) => {
        const { jsonl } = await files(bytes);
        for (const to of ['spans', 'doccano', 'spancat', 'conll']) {
          const convert = await run(['convert', jsonl, '--to', to]);
          expect([0, 1]).toContain(convert.code);
          if (convert.code === 1) expect(convert.err.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('agreement answers with exit 0 or 1 and a message, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (bytes) => {
        const { jsonl } = await files(bytes);
        const agreement = await run(['agreement', jsonl, jsonl, '--json']);
        expect([0, 1]).toContain(agreement.code);
        if (agreement.code === 0) expect(() => JSON.parse(agreement.out)).not.toThrow();
        else expect(agreement.err.length).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });
});
