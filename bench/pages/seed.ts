/**
 * Seeds the app's own database (same origin, same name, through its data
 * layer) with an analyst's profile holding many documents and their spans,
 * so the start benchmark can open the app on it.
 */
import Dexie from 'dexie';
import { buildDocumentRecord } from '@core/document.ts';
import type { DocumentRecord, SpanRecord } from '@core/model.ts';
import { db, openWorkbenchDb } from '../../src/renderer/src/db/db.ts';
import { ensureDerived } from '../../src/renderer/src/db/derived-check.ts';
import { createProfile, getSelf } from '../../src/renderer/src/db/profile.ts';
import { setSetting } from '../../src/renderer/src/db/settings.ts';
import { documentTables, storeDocuments } from '../../src/renderer/src/db/store-documents.ts';
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
      await db.transaction('rw', [...documentTables(db), db.spans], async () => {
        await storeDocuments(db, records);
        await db.spans.bulkAdd(spanRecords);
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
    // For comparison, what it read before: every full record.
    const documentsEach = await time(() => db.documents.each(() => undefined));
    // The start-up check of the derived tables (run when idle): the marker is current.
    const check = await time(() => ensureDerived(db));
    db.close();
    return { docMeta, spanCounts, documentsEach, check };
  },

  async rebuild() {
    await openWorkbenchDb();
    // What a profile pays once after an upgrade or a new tokenizer.
    await db.settings.delete('derivedTables');
    const t = performance.now();
    if (!(await ensureDerived(db))) throw new Error('the derived tables were not rebuilt');
    const ms = performance.now() - t;
    db.close();
    return ms;
  },
};
