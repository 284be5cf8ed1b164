/**
 * The review benchmark page: seeds the app's database on this origin with
 * 10,000 documents annotated by three colleagues (about 100,000 spans,
 * half the documents with tokens their files brought), then mounts the
 * app's own review components and times what an adjudicator waits for:
 * one document's review, an accept or reject until its row is repainted
 * (and until it is stored and read back), and the agreement dashboard (its
 * figures, then its intervals).
 */
import { createRoot, type Root } from 'react-dom/client';
import { buildDocumentRecord } from '@core/document.ts';
import { tokenDigest } from '@core/agreement/token-basis.ts';
import type { AnnotatorRecord, DocumentRecord, SpanRecord, StatusRecord } from '@core/model.ts';
import { db, openWorkbenchDb } from '../../src/renderer/src/db/db.ts';
import { createProfile, getSelf } from '../../src/renderer/src/db/profile.ts';
import { setSetting } from '../../src/renderer/src/db/settings.ts';
import { SAMPLE_CORPUS_VERSION } from '../../src/renderer/src/db/sample-corpus.ts';
import { documentTables, storeDocuments } from '../../src/renderer/src/db/store-documents.ts';
import type { LineTokensRecord, TokenSetRecord } from '../../src/renderer/src/db/dataset-tokens.ts';
import { AgreementDashboard } from '../../src/renderer/src/review/AgreementDashboard.tsx';
import { keepAgreementCounted } from '../../src/renderer/src/review/agreement-keeper.ts';
import { ReviewView } from '../../src/renderer/src/review/ReviewView.tsx';
import { I18nProvider } from '../../src/renderer/src/i18n/I18nProvider.tsx';
import '../../src/renderer/src/styles.css';
import '../../src/renderer/src/review/review.css';
import '../../src/renderer/src/review/dashboard.css';
import '../../src/renderer/src/review/dashboard-plot.css';
import '../../src/renderer/src/review/passage-side.css';
import { generateArticle, generateSpans, tokenizeByLine } from '../lib/corpus.ts';
import type { BenchGlobals } from '../lib/page-api.ts';
import { mulberry32 } from '../lib/prng.ts';
import { vocabulary } from './bench-vocab.ts';

const COLLEAGUES = ['Ahmad', 'Sara', 'Omar'];

/** Resolves after the next frame has been painted. */
const painted = (): Promise<void> =>
  new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Resolves once `test()` holds, checked after every DOM change under `root`. */
function until(root: HTMLElement, test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test()) return resolve();
    const o = new MutationObserver(() => {
      if (test()) {
        o.disconnect();
        resolve();
      }
    });
    o.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

let root: Root | null = null;
const host = document.getElementById('root')!;

async function self(): Promise<AnnotatorRecord> {
  await openWorkbenchDb();
  return (await getSelf(db))!;
}

(window as unknown as BenchGlobals).reviewBench = {
  async seed(docs) {
    const t0 = performance.now();
    await openWorkbenchDb();
    await createProfile(db, 'Bench Lead');
    await setSetting(db, 'sampleCorpusVersion', SAMPLE_CORPUS_VERSION);
    const now = 1_700_000_000_000;
    await db.annotators.bulkPut(
      COLLEAGUES.map((id) => ({ id, name: id, kind: 'colleague' as const, createdAt: now })),
    );
    const rng = mulberry32(41);
    const CHUNK = 250;
    let spans = 0;
    for (let from = 0; from < docs; from += CHUNK) {
      const records: DocumentRecord[] = [];
      const spanRecords: SpanRecord[] = [];
      const statuses: StatusRecord[] = [];
      const lines: LineTokensRecord[] = [];
      const sets: TokenSetRecord[] = [];
      for (let i = from; i < Math.min(docs, from + CHUNK); i++) {
        const text = generateArticle(vocabulary, rng, rng.int(200, 800));
        const doc = await buildDocumentRecord({
          text,
          title: text.split(' ').slice(0, 8).join(' '),
          date: null,
          outlet: null,
          file: `article-${i}.txt`,
          importedAt: now + i,
        });
        records.push(doc);
        const tokens = tokenizeByLine(text);
        // Ahmad's four spans; Sara and Omar keep 70 % of them and add 0–1.
        const base = generateSpans(
          text,
          rng,
          4,
          { docId: doc.id, annotatorId: 'Ahmad', idPrefix: `${i}a` },
          tokens,
        );
        spanRecords.push(...base);
        for (const who of ['Sara', 'Omar']) {
          const kept = base.filter(() => rng.chance(0.7));
          const own = generateSpans(
            text,
            rng,
            rng.int(0, 1),
            { docId: doc.id, annotatorId: who, idPrefix: `${i}${who}` },
            tokens,
          );
          kept.forEach((s, k) =>
            spanRecords.push({ ...s, id: `${i}${who}k${k}`, annotatorId: who }),
          );
          spanRecords.push(...own);
        }
        for (const who of COLLEAGUES)
          statuses.push({
            docId: doc.id,
            annotatorId: who,
            status: 'done',
            docStance: null,
            updatedAt: now,
          });
        // Half the documents came with tokens in their files (here the
        // workbench's own, so both paths read the same boundaries).
        if (i % 2 === 0) {
          const bounds = new Uint32Array(tokens.flatMap((t) => [t.start, t.end]));
          const digest = tokenDigest(tokens);
          sets.push({ docId: doc.id, digest, bounds });
          for (const who of COLLEAGUES) lines.push({ docId: doc.id, annotatorId: who, digest });
        }
      }
      spans += spanRecords.length;
      await db.transaction(
        'rw',
        [...documentTables(db), db.spans, db.statuses, db.tokenSets, db.lineTokens],
        async () => {
          await storeDocuments(db, records);
          await db.spans.bulkPut(spanRecords);
          await db.statuses.bulkPut(statuses);
          await db.tokenSets.bulkPut(sets);
          await db.lineTokens.bulkPut(lines);
        },
      );
    }
    const ids = (await db.documents.orderBy(':id').primaryKeys()) as string[];
    db.close();
    return { docs: ids.length, spans, ms: performance.now() - t0, ids };
  },

  async openReview(docId) {
    const me = await self();
    root?.unmount();
    root = createRoot(host);
    const t0 = performance.now();
    root.render(
      <I18nProvider open>
        <ReviewView self={me} docId={docId} />
      </I18nProvider>,
    );
    await until(host, () => host.querySelector('[data-lane]') !== null);
    await painted();
    return performance.now() - t0;
  },

  async decide(n) {
    const rowMs: number[] = [];
    const storedMs: number[] = [];
    for (let i = 0; i < n; i++) {
      const rows = [...host.querySelectorAll<HTMLElement>('li.proposal')].filter(
        (li) => !li.classList.contains('accepted') && !li.classList.contains('rejected'),
      );
      const row = rows[0];
      if (!row) break;
      const accept = i % 2 === 0;
      const button = [...row.querySelectorAll('button')].find(
        (b) => b.textContent === (accept ? 'Accept' : 'Reject'),
      )!;
      const key = row.dataset.key!;
      const state = accept ? 'accepted' : 'rejected';
      const rowNow = (): HTMLElement | undefined =>
        [...host.querySelectorAll<HTMLElement>('li.proposal')].find((li) => li.dataset.key === key);
      const t0 = performance.now();
      button.click();
      // The row the analyst sees: its class, state text and buttons change
      // together in one render, whether or not the write has committed.
      await until(host, () => rowNow()?.classList.contains(state) ?? false);
      await painted();
      rowMs.push(performance.now() - t0);
      // Then stored and read back: the row no longer marked as being written
      // (aria-busy), its state now the one the live query read.
      await until(host, () => {
        const li = rowNow();
        return !!li && li.classList.contains(state) && li.getAttribute('aria-busy') === null;
      });
      await painted();
      storedMs.push(performance.now() - t0);
    }
    return { painted: rowMs, stored: storedMs };
  },

  async probe() {
    await openWorkbenchDb();
    const time = async <T,>(f: () => Promise<T> | T): Promise<[number, T]> => {
      const t = performance.now();
      const v = await f();
      return [performance.now() - t, v];
    };
    const [spansMs, spans] = await time(() => db.spans.toArray());
    const [spanFactsMs] = await time(() => db.spanFacts.toArray());
    const [statusesMs] = await time(() => db.statuses.toArray());
    const [linesMs] = await time(() => db.lineTokens.toArray());
    const ids = [...new Set(spans.map((s) => s.docId))];
    const [docTokensMs] = await time(() => db.docTokens.bulkGet(ids));
    const [tokenSetsMs] = await time(() => db.tokenSets.toArray());
    const [docMetaMs] = await time(() => db.docMeta.bulkGet(ids));
    const [docMetaAllMs] = await time(() => db.docMeta.toArray());
    return {
      spansMs,
      spanFactsMs,
      statusesMs,
      linesMs,
      docTokensMs,
      tokenSetsMs,
      docMetaMs,
      docMetaAllMs,
    };
  },

  async dashboard() {
    const me = await self();
    root?.unmount();
    root = createRoot(host);
    const t0 = performance.now();
    root.render(
      <I18nProvider open>
        <AgreementDashboard self={me} onOpenReview={() => undefined} />
      </I18nProvider>,
    );
    const shown = (): boolean =>
      host.querySelector('.dot-row circle') !== null &&
      host.querySelector('table[aria-label="Documents by disagreement"] tbody tr') !== null;
    await until(host, shown);
    await painted();
    const figures = performance.now() - t0;
    // Figures kept from before a change are marked until the live data is in.
    const marked = host.querySelector('.dash-updating') !== null;
    await until(host, () => shown() && host.querySelector('.dash-updating') === null);
    await painted();
    const exact = performance.now() - t0;
    await until(
      host,
      () => host.querySelector('.ci-status')?.textContent?.startsWith('Intervals') ?? false,
    );
    await painted();
    const intervals = performance.now() - t0;
    // The view is kept, with its intervals, for the next visit.
    await new Promise<void>((resolve) => {
      const check = (): void => {
        void db.viewCache.toArray().then((rows) => {
          const gen = rows.find((r) => r.key === 'gen')?.gen ?? 'initial';
          const kept = rows.find((r) => r.key.startsWith('agreement:') && r.gen === gen);
          if ((kept?.value as { ci?: unknown } | undefined)?.ci) resolve();
          else setTimeout(check, 20);
        });
      };
      check();
    });
    const scope = host.querySelector('.dash-scope')?.textContent ?? '';
    const marks = performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('stance:agreement'))
      .map((e) => `${e.name.slice(16)} ${Math.round(e.duration)}`)
      .join(', ');
    performance.clearMeasures();

    root.unmount();
    root = null;
    return { figures, marked, exact, intervals, scope, marks };
  },

  async keeperCount() {
    await self();
    await db.viewCache.where('key').startsWith('agreement').delete();
    let longestTaskMs = 0;
    const tasks = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, e.duration);
    });
    tasks.observe({ type: 'longtask' });
    const t0 = performance.now();
    if (!(await keepAgreementCounted())) throw new Error('the keeper found no one to compare');
    const countMs = performance.now() - t0;
    await painted();
    tasks.disconnect();
    return { countMs, longestTaskMs };
  },
};
