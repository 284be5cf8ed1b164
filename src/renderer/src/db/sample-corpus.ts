/**
 * The built-in sample corpus (resources/corpus): five Arabic news articles,
 * bundled as they were scraped and imported at first run through the same
 * decode and cleanup path as any file, so the app is useful at once. The
 * manifest names each article's outlet. Loading is idempotent: the
 * `sampleCorpusVersion` setting and the documents are written in one
 * transaction, so a reload during first run neither duplicates nor
 * half-loads the corpus.
 */
import { z } from 'zod';
import { buildDocumentRecord } from '@core/document.ts';
import type { DocumentRecord } from '@core/model.ts';
import { prepareArticle } from '@core/import/prepare.ts';
import type { WorkbenchDb } from './schema.ts';
import { SAMPLE_CORPUS_VERSION, sampleCorpusDue } from './sample-corpus-due.ts';
import { getSetting, setSetting } from './settings.ts';
import { documentTables, storeDocuments } from './store-documents.ts';

export { SAMPLE_CORPUS_VERSION } from './sample-corpus-due.ts';

// `?inline` bundles each file as a base64 data URL: the exact bytes as
// shipped, which then go through the same decoding as any imported file.
const dataUrls = import.meta.glob('../../../../resources/corpus/*.txt', {
  query: '?inline',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The bytes of a `data:…;base64,` URL. */
function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  const meta = url.slice(0, comma);
  const body = url.slice(comma + 1);
  if (!meta.endsWith(';base64')) return new TextEncoder().encode(decodeURIComponent(body));
  return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
}

const manifestSources = import.meta.glob('../../../../resources/corpus/manifest.json', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const Manifest = z.object({
  version: z.number(),
  articles: z.array(
    z.object({
      file: z.string(),
      outlet: z.string().nullable(),
      title: z.string().optional(),
    }),
  ),
});

/** The bundled articles: file name, bytes (as shipped) and outlet. */
export function sampleArticles(): {
  name: string;
  bytes: Uint8Array;
  outlet: string | null;
  title?: string;
}[] {
  const manifest = Manifest.parse(JSON.parse(Object.values(manifestSources)[0] ?? '{}'));
  const byName = new Map(
    Object.entries(dataUrls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
  );
  return manifest.articles.map((a) => {
    const url = byName.get(a.file);
    if (url === undefined) throw new Error(`sample corpus: ${a.file} is missing`);
    return { name: a.file, bytes: dataUrlBytes(url), outlet: a.outlet, title: a.title };
  });
}

/** The sample corpus as document records, in manifest order. */
export async function sampleRecords(now = Date.now()): Promise<DocumentRecord[]> {
  const out: DocumentRecord[] = [];
  for (const [i, a] of sampleArticles().entries()) {
    const prepared = prepareArticle(a, { hints: { outlet: a.outlet, title: a.title } });
    if (!prepared.ok) throw new Error(`sample corpus: ${a.name}: ${prepared.reason}`);
    out.push(await buildDocumentRecord({ ...prepared.input, importedAt: now + i }));
  }
  return out;
}

/**
 * Loads the sample corpus into a profile that does not have this version
 * of it yet. Returns the number of documents added.
 */
export async function loadSampleCorpus(db: WorkbenchDb): Promise<number> {
  if (!(await sampleCorpusDue(db))) return 0;
  // Hashing is async (WebCrypto), so records are built before the
  // transaction: an IndexedDB transaction cannot wait on other promises.
  const records = await sampleRecords();
  return db.transaction('rw', [...documentTables(db), db.settings], async () => {
    const again = await getSetting(db, 'sampleCorpusVersion');
    if (again !== undefined && again >= SAMPLE_CORPUS_VERSION) return 0;
    const added = await storeDocuments(db, records);
    await setSetting(db, 'sampleCorpusVersion', SAMPLE_CORPUS_VERSION);
    return added.size;
  });
}
