// The import plan on a model of the store: importing a file, then planning
// the same file again, leaves nothing to write, whatever the file and the
// profile hold (fast-check, small sizes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../document.ts';
import type { DatasetSpan, ParsedRecord } from '../formats/record.ts';
import { DEFAULT_LABELS } from '../labels.ts';
import type { DocStatus } from '../model.ts';
import { cpLength } from '../offsets.ts';
import {
  applyPlan,
  copyStore,
  emptyStore,
  snapshotOf,
  type MemoryStore,
} from '../testing/import-store.ts';
import { planImport } from './plan.ts';
import { checkImport, prepareImport, snapshotKeys } from './prepare.ts';
import { pairKey, type ImportInput, type ImportOptions, type ImportPlan } from './types.ts';

const TEXTS = [
  'قال الكاظمي إن الانسحاب ضروري',
  'أكد المتحدث 🇮🇶 أن القوات ستغادر',
  'e\u0301 نص بلا تطبيع',
];
const SELF = 'Laila';
const LABELS = ['pro-withdrawal', 'anti-withdrawal', 'sarcasm', '__proto__', 'mapped'];
const OPTS: ImportOptions = {
  selfId: SELF,
  annotatorForMissing: 'Karwan',
  validOnly: true,
  labelMap: { mapped: 'pro-coalition' },
};
const STORED_DOC = 'stored-doc';

/** Offsets within a text of `len` code points from two small naturals (so spans meet). */
const extent = (len: number, a: number, b: number): { start: number; end: number } => {
  const start = a % (len + 1);
  return { start, end: start + (b % (len - start + 1)) };
};

const spanArb = fc.record({
  a: fc.nat({ max: 5 }),
  b: fc.nat({ max: 5 }),
  label: fc.constantFrom(...LABELS),
  holder: fc.constantFrom(null, 'الكاظمي', 'Omar'),
  note: fc.constantFrom(null, 'واضح'),
  agreedBy: fc.constantFrom<readonly string[] | null>(null, [], ['Sara']),
  actor: fc.constantFrom(null, 'k1', 'a1', 'a2'),
  target: fc.constantFrom(null, 'US forces'),
  attribution: fc.constantFrom(null, 'direct-quote' as const),
});

const recordArb = fc.record({
  text: fc.nat({ max: TEXTS.length - 1 }),
  docId: fc.constantFrom(null, STORED_DOC, 'unknown-doc', 'hash'),
  annotatorId: fc.constantFrom(null, 'Sara', 'Omar', 'gold', SELF),
  status: fc.constantFrom<DocStatus | null>(null, 'not-started', 'in-progress', 'done'),
  docStance: fc.constantFrom(null, 'neutral', 'pro-withdrawal'),
  spans: fc.array(spanArb, { maxLength: 4 }),
  tokens: fc.constantFrom(null, 'words', 'chars'),
});

const profileArb = fc.record({
  storedDoc: fc.boolean(),
  hashedDoc: fc.boolean(),
  actor: fc.boolean(),
  appSpans: fc.array(
    fc.record({
      a: fc.nat({ max: 5 }),
      b: fc.nat({ max: 5 }),
      label: fc.constantFrom(...LABELS),
      annotatorId: fc.constantFrom(SELF, 'Sara'),
    }),
    { maxLength: 4 },
  ),
  statuses: fc.array(
    fc.record({
      annotatorId: fc.constantFrom(SELF, 'Sara', 'Karwan'),
      status: fc.constantFrom<DocStatus>('not-started', 'in-progress', 'done'),
    }),
    { maxLength: 3 },
  ),
});

type RecordSpec = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;
type ProfileSpec = typeof profileArb extends fc.Arbitrary<infer T> ? T : never;

const HASHES = await Promise.all(TEXTS.map((t) => sha256Hex(t)));

/** Word or character tokens of a text (two tokenizers that disagree). */
function tokensOf(text: string, kind: 'words' | 'chars'): { start: number; end: number }[] {
  const cps = [...text];
  if (kind === 'chars') return cps.map((_, i) => ({ start: i, end: i + 1 }));
  const out: { start: number; end: number }[] = [];
  let start = -1;
  cps.forEach((c, i) => {
    if (c !== ' ' && start < 0) start = i;
    if (c === ' ' && start >= 0) {
      out.push({ start, end: i });
      start = -1;
    }
  });
  if (start >= 0) out.push({ start, end: cps.length });
  return out;
}

function recordOf(spec: RecordSpec, at: number): ParsedRecord {
  const text = TEXTS[spec.text]!;
  const len = cpLength(text);
  const spans = spec.spans.map((s): DatasetSpan => ({
    ...extent(len, s.a, s.b),
    label: s.label,
    quote: null,
    holder: s.holder,
    note: s.note,
    agreedBy: s.agreedBy ? [...s.agreedBy] : null,
    holderActor: s.actor ? { id: s.actor, nameEn: '', kind: null } : null,
    target: s.target,
    attribution: s.attribution,
  }));
  return {
    line: at + 1,
    docId: spec.docId === 'hash' ? HASHES[spec.text]! : spec.docId,
    text,
    title: null,
    date: null,
    source: null,
    status: spec.status,
    docStance: spec.docStance,
    annotatorId: spec.annotatorId,
    spans,
    tokens: spec.tokens ? tokensOf(text, spec.tokens) : null,
  };
}

/** A profile: the default labels, the analyst, maybe documents, app-made spans, statuses, an actor. */
function profileOf(spec: ProfileSpec): MemoryStore {
  const store = emptyStore();
  for (const l of DEFAULT_LABELS) store.labels.set(l.key, l);
  store.annotators.set(SELF, { id: SELF, name: SELF, kind: 'self', createdAt: 0 });
  const docs: [string, string][] = [];
  if (spec.storedDoc) docs.push([STORED_DOC, TEXTS[0]!]);
  if (spec.hashedDoc) docs.push([HASHES[1]!, TEXTS[1]!]);
  for (const [id, text] of docs)
    store.documents.set(id, {
      id,
      text,
      rawText: text,
      textSource: 'clean',
      removed: [],
      title: 'خبر',
      date: null,
      author: null,
      outlet: null,
      file: null,
      importedAt: 0,
      folded: text,
    });
  if (spec.actor)
    store.actors.set('k1', {
      id: 'k1',
      nameAr: 'الكاظمي',
      nameEn: '',
      kind: 'person',
      affiliation: null,
      aliases: [],
      createdAt: 0,
      updatedAt: 0,
    });
  const [docId, text] = docs[0] ?? [];
  if (!docId || !text) return store;
  spec.appSpans.forEach((s, i) => {
    const { start, end } = extent(cpLength(text), s.a, s.b);
    const id = `app-${i}`;
    const span = { id, docId, annotatorId: s.annotatorId, label: s.label, start, end };
    store.spans.set(id, {
      ...span,
      quote: '',
      holder: null,
      note: null,
      createdAt: 0,
      updatedAt: 0,
    });
  });
  for (const s of spec.statuses)
    store.statuses.set(pairKey(docId, s.annotatorId), {
      docId,
      annotatorId: s.annotatorId,
      status: s.status,
      docStance: null,
      updatedAt: 0,
    });
  return store;
}

function inputOf(records: ParsedRecord[]): ImportInput {
  return {
    fileName: 'colleagues.jsonl',
    records,
    errors: [],
    withoutAnnotator: records.filter((r) => r.annotatorId === null).length,
  };
}

async function plan(store: MemoryStore, input: ImportInput, now: number): Promise<ImportPlan> {
  const check = checkImport(input, OPTS);
  if (!check.ok) throw new Error(check.refusal);
  const prepared = await prepareImport(input, OPTS, check.fallback);
  return planImport(input, prepared, OPTS, snapshotOf(store, snapshotKeys(prepared)), now);
}

describe('planImport on a model of the store', () => {
  it('leaves nothing to write when the same file is planned again after its plan was written', async () => {
    await fc.assert(
      fc.asyncProperty(
        profileArb,
        fc.array(recordArb, { maxLength: 4 }),
        fc.array(recordArb, { minLength: 1, maxLength: 6 }),
        async (profileSpec, earlierSpecs, recordSpecs) => {
          const store = profileOf(profileSpec);
          // An earlier file (an older version of the colleagues' work) was imported.
          applyPlan(store, await plan(store, inputOf(earlierSpecs.map(recordOf)), 500));
          const input = inputOf(recordSpecs.map(recordOf));
          const { records } = input;
          const first = await plan(store, input, 1000);
          expect(first.report.imported).toBe(true);
          applyPlan(store, first);
          // Every document and span of the file is now stored (a span under
          // its id, or made in the app over its extent with its label).
          const stored = [...store.spans.values()];
          for (const r of records) {
            const who = r.annotatorId ?? 'Karwan';
            for (const sp of r.spans) {
              const label = sp.label === 'mapped' ? 'pro-coalition' : sp.label;
              const found = stored.some(
                (s) =>
                  s.annotatorId === who &&
                  s.start === sp.start &&
                  s.end === sp.end &&
                  s.label === label &&
                  store.documents.get(s.docId)?.text === r.text,
              );
              expect(found, `line ${r.line}: ${label} ${sp.start}-${sp.end}`).toBe(true);
            }
            expect([...store.documents.values()].some((d) => d.text === r.text)).toBe(true);
          }
          const fileSpans = first.report.spansAdded + first.report.spansUpdated;
          for (const s of [...first.spansToAdd, ...first.spansToUpdate])
            expect(store.spans.get(s.id)).toEqual(s);

          const before = copyStore(store);
          const second = await plan(store, input, 2000);
          expect(second).toMatchObject({
            actors: [],
            labels: [],
            annotators: [],
            documents: [],
            spansToAdd: [],
            spansToUpdate: [],
            statuses: [],
            lineTokens: [],
            tokenSets: [],
          });
          expect(second.report).toMatchObject({
            imported: true,
            documentsCreated: 0,
            documentsMatched: first.report.documentsCreated + first.report.documentsMatched,
            spansAdded: 0,
            spansUpdated: 0,
            spansUnchanged: fileSpans + first.report.spansUnchanged,
            labelsAdded: [],
            annotatorsAdded: [],
            actorsAdded: [],
            actorNotes: first.report.actorNotes,
          });
          applyPlan(store, second);
          expect(store).toEqual(before);
        },
      ),
      { numRuns: 50 },
    );
    // Small cases, but fast-check's shrinking can take a while on a busy machine.
  }, 120_000);
});
