/**
 * Extracts the article from a saved news page with @mozilla/readability.
 * src/core has no DOM, so the caller passes a parser (DOMParser in the
 * renderer, linkedom in the CLI); both build inert documents, so no script
 * runs and nothing remote loads. The page's metadata (og:title,
 * article:published_time, author, og:site_name, JSON-LD) gives title, date,
 * byline and outlet; the article's blocks become lines of text for the same
 * cleanup as a .txt file.
 *
 * Readability's cost grows with the square of the nesting depth (2,000
 * nested <div>s took 16 s), so a page is measured first, without
 * recursion, and refused over MAX_HTML_DEPTH levels or MAX_HTML_ELEMENTS
 * elements (src/core/limits.ts), with a message naming the limit. The
 * time limit is the caller's to enforce: the app and the CLI read pages in
 * a worker and stop it after HTML_TIME_LIMIT_MS (prepare-queue.ts).
 */
import { Readability } from '@mozilla/readability';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from '../limits.ts';
import { problem, problemText, type Problem } from '../problems/problem.ts';
import { parseDate } from './dates.ts';

/** The little of a DOM node this module uses. */
export interface HtmlNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  /**
   * Children are walked through `firstChild`/`nextSibling`: some DOMs
   * (linkedom) build `childNodes` afresh on every access, which made a
   * page of many siblings quadratic.
   */
  firstChild: HtmlNode | null;
  nextSibling: HtmlNode | null;
  getAttribute?: (name: string) => string | null;
}

/** The little of a DOM document this module uses. */
export interface HtmlDocument {
  querySelector(selector: string): HtmlNode | null;
  querySelectorAll(selector: string): ArrayLike<HtmlNode>;
  body: HtmlNode | null;
  documentElement: HtmlNode | null;
}

/** How much of a page is read (src/core/limits.ts gives the defaults). */
export interface HtmlLimits {
  /** Deepest nesting of elements, <html> being level 1. */
  depth: number;
  /** Most elements, <html> and <head> included (Readability's maxElemsToParse). */
  elements: number;
}

const DEFAULT_LIMITS: HtmlLimits = { depth: MAX_HTML_DEPTH, elements: MAX_HTML_ELEMENTS };

/**
 * Why `root` is over the limits, or null. Walks with an explicit stack and
 * stops at the first limit passed, so a hostile page costs at most
 * `elements` steps.
 */
export function overLimits(root: HtmlNode, limits: HtmlLimits = DEFAULT_LIMITS): string | null {
  const p = overLimitsProblem(root, limits);
  return p && problemText(p);
}

/** As overLimits, the reason as a problem (the interface words it). */
export function overLimitsProblem(
  root: HtmlNode,
  limits: HtmlLimits = DEFAULT_LIMITS,
): Problem | null {
  const stack: [HtmlNode, number][] = [[root, 1]];
  let elements = 0;
  while (stack.length > 0) {
    const [n, depth] = stack.pop()!;
    if (n.nodeType !== 1) continue;
    if (++elements > limits.elements)
      return problem('html.tooManyElements', { limit: limits.elements.toLocaleString('en') });
    if (depth > limits.depth) return problem('html.tooDeep', { limit: limits.depth });
    for (let c = n.firstChild; c; c = c.nextSibling) stack.push([c, depth + 1]);
  }
  return null;
}

/** Parses HTML into an inert document (no scripts, no loads). */
export type HtmlParser = (html: string) => HtmlDocument;

export interface HtmlMeta {
  title: string | null;
  date: string | null;
  author: string | null;
  outlet: string | null;
}

export type HtmlResult =
  { ok: true; text: string; meta: HtmlMeta } | { ok: false; reason: string; problem: Problem };

/** A refused page: the problem, and its English wording (for the CLI and logs). */
const refused = (p: Problem): HtmlResult => ({ ok: false, reason: problemText(p), problem: p });

const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'FIGURE',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'MAIN',
]);

/**
 * The text of `node` with one line per block element. Walks the tree with
 * an explicit stack, not recursion, so no nesting depth overflows it.
 */
export function blockText(node: HtmlNode): string {
  const out: string[] = [];
  // A closing marker (a block's end) is pushed as the string '\n'.
  const stack: (HtmlNode | '\n')[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === '\n') {
      out.push('\n');
      continue;
    }
    if (n.nodeType === 3) {
      out.push((n.textContent ?? '').replace(/[\r\n]+/gu, ' '));
      continue;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    const name = n.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE')
      continue;
    if (name === 'BR') {
      out.push('\n');
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) {
      out.push('\n');
      stack.push('\n');
    }
    const children: HtmlNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l, i, all) => l.length > 0 || (i > 0 && all[i - 1]!.length > 0))
    .join('\n')
    .trim();
}

function metaContent(doc: HtmlDocument, selectors: string[]): string | null {
  for (const s of selectors) {
    const v = doc.querySelector(s)?.getAttribute?.('content')?.trim();
    if (v) return v;
  }
  return null;
}

interface JsonLdArticle {
  headline?: unknown;
  datePublished?: unknown;
  author?: unknown;
  publisher?: unknown;
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === 'object' && 'name' in v) return nameOf((v as { name: unknown }).name);
  return null;
}

/** The first NewsArticle/Article-like object of the page's JSON-LD, if any. */
function jsonLd(doc: HtmlDocument): JsonLdArticle | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      const data: unknown = JSON.parse(scripts[i]!.textContent ?? '');
      const items: unknown[] = Array.isArray(data)
        ? data
        : data && typeof data === 'object' && '@graph' in data
          ? ((data as { '@graph': unknown[] })['@graph'] ?? [])
          : [data];
      for (const it of items) {
        if (it && typeof it === 'object' && ('headline' in it || 'datePublished' in it)) {
          return it as JsonLdArticle;
        }
      }
    } catch {
      // Malformed JSON-LD is common; the meta tags still count.
    }
  }
  return null;
}

/** Title, date, author and outlet from the page's meta tags and JSON-LD. */
export function pageMeta(doc: HtmlDocument): HtmlMeta {
  const ld = jsonLd(doc);
  const title =
    metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    nameOf(ld?.headline) ??
    (doc.querySelector('title')?.textContent?.trim() || null);
  const rawDate =
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[name="pubdate"]',
      'meta[name="publish-date"]',
      'meta[name="date"]',
      'meta[itemprop="datePublished"]',
    ]) ?? (typeof ld?.datePublished === 'string' ? ld.datePublished : null);
  const author =
    metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]']) ??
    nameOf(ld?.author);
  const outlet =
    metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ??
    nameOf(ld?.publisher);
  return {
    title,
    date: rawDate ? parseDate(rawDate) : null,
    author: author && !/^https?:/u.test(author) ? author : null,
    outlet,
  };
}

/**
 * Extracts the article of an HTML page. Fails with a reason when the page
 * is over the limits, or has no article (Readability finds none, or too
 * little text).
 */
export function extractHtml(
  html: string,
  parse: HtmlParser,
  limits: HtmlLimits = DEFAULT_LIMITS,
): HtmlResult {
  let doc: HtmlDocument;
  try {
    doc = parse(html);
  } catch (err) {
    return refused(problem('html.unparsable', { detail: String(err) }));
  }
  const root = doc.documentElement ?? doc.body;
  const over = root ? overLimitsProblem(root, limits) : null;
  if (over) return refused(over);
  const meta = pageMeta(doc);
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(doc as never, {
      charThreshold: 200,
      maxElemsToParse: limits.elements,
    }).parse();
  } catch (err) {
    return refused(problem('html.unreadable', { detail: String(err) }));
  }
  if (!article?.content) return refused(problem('html.noArticle'));
  const content = parse(`<!doctype html><html><body>${article.content}</body></html>`);
  const text = content.body ? blockText(content.body) : '';
  if (text.replace(/\s+/gu, '').length < 80) {
    return refused(problem('html.noArticle'));
  }
  return {
    ok: true,
    text,
    meta: {
      title: meta.title ?? (article.title?.trim() || null),
      date: meta.date ?? (article.publishedTime ? parseDate(article.publishedTime) : null),
      author: meta.author ?? (article.byline?.trim() || null),
      outlet: meta.outlet ?? (article.siteName?.trim() || null),
    },
  };
}
