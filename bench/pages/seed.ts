/**
 * Seeds the app's own database (same origin, same name, through its data
 * layer) with an analyst's profile holding many documents and their spans,
 * so the start benchmark can open the app on it.
 */
import Dexie from 'dexie';
import { buildDocumentRecord } from '@core/document.ts';
import type { DocumentRecord, SpanRecord } from '@core/model.ts';
import { db, openWorkbenchDb } from '../../src/renderer/src/db/db.ts';
import { healDerived } from '../../src/renderer/src/db/derived-rebuild.ts';
import { createProfile, getSelf } from '../../src/renderer/src/db/profile.ts';
import { setSetting } from '../../src/renderer/src/db/settings.ts';
import { SAMPLE_CORPUS_VERSION } from '../../src/renderer/src/db/sample-corpus.ts';
import { generateArticle, generateSpans, tokenizeByLine } from '../lib/corpus.ts';
import type { BenchGlobals } from '../lib/page-api.ts';
import { mulberry32 } from '../lib/prng.ts';
import { vocabulary } from './bench-vocab.ts';

const OUTLETS = ['الشرق الأوسط', 'روداو', 'الجزيرة نت', 'العربي الجديد', 'شفق نيوز'];

(window as unknown as BenchGlobals).seedBench = {
  async seed(docs, spansPerDoc) {
    const t0 = performance.now();
    await openWorkbenchDb();
    const self = await createProfile(db, 'Bench Analyst');
    // The profile has the sample corpus already, as a used one does.
    await setSetting(db, 'sampleCorpusVersion', SAMPLE_CORPUS_VERSION);
    const rng = mulberry32(31);
    const CHUNK = 250;
    let spans = 0;
    for (let from = 0; from < docs; from += CHUNK) {
      const records: DocumentRecord[] = [];
      const spanRecords: SpanRecord[] = [];
      for (let i = from; i < Math.min(docs, from + CHUNK); i++) {
        const text = generateArticle(vocabulary, rng, rng.int(200, 800));
        const doc = await buildDocumentRecord({
          text,
          title: text.split(' ').slice(0, 8).join(' '),
          date: `2021-0${1 + (i % 9)}-1${i % 10}`,
          outlet: rng.pick(OUTLETS),
          file: `article-${i}.txt`,
          importedAt: 1_700_000_000_000 + i,
        });
        records.push(doc);
        const n = rng.int(0, 2 * spansPerDoc);
        for (const s of generateSpans(
          text,
          rng,
          n,
          { docId: doc.id, annotatorId: self.id, idPrefix: `${i}` },
          tokenizeByLine(text),
        ))
          spanRecords.push(s);
      }
      spans += spanRecords.length;
      await db.transaction('rw', [db.documents, db.spans], async () => {
        await db.documents.bulkPut(records);
        await db.spans.bulkPut(spanRecords);
      });
    }
    const count = await db.documents.count();
    db.close();
    return { docs: count, spans, ms: performance.now() - t0 };
  },

  async probe() {
    await openWorkbenchDb();
    const self = await getSelf(db);
    const me = self?.id ?? '';
    const time = async (read: () => Promise<unknown>): Promise<number> => {
      const t = performance.now();
      await read();
      return performance.now() - t;
    };
    // What useDocumentRows reads since schema version 3: the derived rows.
    const docMeta = await time(() => db.docMeta.orderBy('importedAt').toArray());
    const spanCounts = await time(() =>
      db.spanCounts.where(':id').between([me, Dexie.minKey], [me, Dexie.maxKey]).toArray(),
    );
    // For comparison, what it read before: every full record, and (version 2)
    // the analyst's span keys of the [annotatorId+docId+label] index.
    const documentsEach = await time(() => db.documents.each(() => undefined));
    const spanKeys = await time(() =>
      db.spans
        .where('[annotatorId+docId+label]')
        .between([me, Dexie.minKey, Dexie.minKey], [me, Dexie.maxKey, Dexie.maxKey])
        .keys(),
    );
    // The start-up self-check of the derived tables (run when idle), in step.
    const heal = await time(() => healDerived(db));
    db.close();
    return { docMeta, spanCounts, documentsEach, spanKeys, heal };
  },
};
