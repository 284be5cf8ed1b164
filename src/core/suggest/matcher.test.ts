// The occurrence matcher: a labelled phrase is found wherever it recurs, in
// the same article and across the corpus, through the variants the
// normalizer ignores; each proposal covers the occurrence as written, in
// Python's code points (after an emoji too); and it is scored by how often
// analysts gave that phrase each label.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusIndex } from './corpus-index.ts';
import { SuggestEngine } from './engine.ts';
import { matcherSuggestions, PhraseTable } from './matcher.ts';
import { lexiconOf } from './stems.ts';
import { scanWords } from './normalize.ts';

/** Python's text[start:end]: code points, here by Array.from (python3 itself: tests/node/suggest-python.test.ts). */
const pySlice = (text: string, start: number, end: number): string =>
  Array.from(text).slice(start, end).join('');

const DOCS: Record<string, string> = {
  a: 'قال الكاظمي: لا حاجة لوجود القوات الأجنبية على الأراضي العراقية.',
  b: '👍🏽 بيان: يجب خروج القُوّاتِ الأجنبيّة، والقوات الاجنبية باقية.',
  c: 'أكد 🇮🇶 المتحدث أن بالقـوات الأجنبيه ستغادر.\nوللقوات الأجنبية مهمة تدريب.',
  d: 'القوات. الأجنبية منفصلة هنا، ولبنان وفرنسا والبلاد.',
};

function index(): CorpusIndex {
  const ix = new CorpusIndex();
  for (const [id, text] of Object.entries(DOCS)) ix.add(id, text);
  return ix;
}

describe('CorpusIndex', () => {
  it('finds a phrase in every document, through diacritics, tatweel, alef/ta forms and prefixes', () => {
    const found = index().find('القوات الأجنبية');
    expect(found.map((o) => [o.docId, o.quote])).toEqual([
      ['a', 'القوات الأجنبية'],
      ['b', 'القُوّاتِ الأجنبيّة'],
      ['b', 'والقوات الاجنبية'],
      ['c', 'بالقـوات الأجنبيه'],
      ['c', 'وللقوات الأجنبية'],
    ]);
    // Not across the full stop of document d.
    expect(found.some((o) => o.docId === 'd')).toBe(false);
  });

  it('gives code-point extents that slice to the quotes, after emoji and flags', () => {
    const found = index().find('القوات الأجنبية');
    expect(found.map((o) => pySlice(DOCS[o.docId]!, o.start, o.end))).toEqual(
      found.map((o) => o.quote),
    );
    // The extents are code points: 👍🏽 is two code points (four UTF-16 units).
    expect(found[1]).toMatchObject({ docId: 'b', start: 18 });
    expect(DOCS.b!.indexOf('القُوّاتِ')).toBe(20);
  });

  it('keeps a phrase with a clause break apart from one without', () => {
    const ix = index();
    expect(ix.find('القوات. الأجنبية').map((o) => o.docId)).toEqual(['d']);
    expect(ix.find('القوات، الأجنبية').map((o) => o.docId)).toEqual(['d']);
  });

  it('never splits a root: لبنان and فرنسا are not ل+بنان or ف+رنسا', () => {
    const ix = index();
    // As in news: لبنان is frequent, بنان (fingertips) and رنسا rare or absent.
    ix.add('e', 'زار لبنان. لبنان بلد. وزار فرنسا. بنان ورنسا');
    expect(ix.find('بنان').map((o) => o.quote)).toEqual(['بنان']);
    expect(ix.find('لبنان').map((o) => o.quote)).toEqual(['ولبنان', 'لبنان', 'لبنان']);
    // رنسا never stands alone, so ورنسا is one word and فرنسا is never ف + رنسا.
    expect(ix.find('رنسا')).toEqual([]);
    expect(ix.find('فرنسا').map((o) => o.quote)).toEqual(['وفرنسا', 'فرنسا']);
    expect(ix.find('زار').map((o) => o.quote)).toEqual(['زار', 'وزار']);
    expect(ix.find('البلاد').map((o) => o.quote)).toEqual(['والبلاد']);
  });

  it('restricts to documents, limits, and forgets removed documents', () => {
    const ix = index();
    expect(ix.find('القوات الأجنبية', { docIds: new Set(['c']) })).toHaveLength(2);
    expect(ix.find('القوات الأجنبية', { limit: 2 })).toHaveLength(2);
    ix.remove('b');
    expect(ix.find('القوات الأجنبية').map((o) => o.docId)).toEqual(['a', 'c', 'c']);
    ix.add('b', DOCS.b!);
    expect(ix.find('القوات الأجنبية').map((o) => o.docId)).toEqual(['a', 'c', 'c', 'b', 'b']);
    expect(ix.size).toBe(4);
  });

  it('stays right when many documents come and go (postings are compacted)', () => {
    const ix = new CorpusIndex();
    for (let i = 0; i < 200; i++) ix.add(`d${i}`, i % 2 ? 'القوات الأجنبية هنا' : 'لا شيء');
    for (let i = 0; i < 150; i++) ix.remove(`d${i}`);
    expect(ix.size).toBe(50);
    const found = ix.find('والقوات الأجنبية');
    expect(found).toHaveLength(25);
    expect(found.every((o) => Number(o.docId.slice(1)) >= 150)).toBe(true);
  });

  it('covers each occurrence exactly as Python slices it, for any text (property)', () => {
    const word = fc.constantFrom(
      'القوات',
      'والقوات',
      'بالقُوّات',
      'الأجنبية',
      'الاجنبيه',
      'بلاد',
      'ولبنان',
      '😀',
      '👨‍👩‍👧',
      'e\u0301',
      'قـال',
    );
    const sep = fc.constantFrom(' ', '  ', '، ', '. ', '\n', ' "', '" ');
    const doc = fc
      .array(fc.tuple(word, sep), { minLength: 1, maxLength: 20 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(3),
        (docs, pick, len) => {
          const ix = new CorpusIndex();
          docs.forEach((t, i) => ix.add(`d${i}`, t));
          const src = docs[pick % docs.length]!;
          const words = scanWords(src);
          if (words.length === 0) return;
          const first = pick % words.length;
          const last = Math.min(words.length - 1, first + len);
          const cps = Array.from(src);
          const phrase = cps.slice(words.starts[first]!, words.ends[last]!).join('');
          const found = ix.find(phrase);
          // The phrase's own place is found…
          expect(found).toContainEqual(
            expect.objectContaining({
              docId: `d${pick % docs.length}`,
              start: words.starts[first],
            }),
          );
          const key = ix.phrase(phrase)!.key;
          for (const o of found) {
            const text = docs[Number(o.docId.slice(1))]!;
            // …and every occurrence is the text as written, the same phrase.
            expect(pySlice(text, o.start, o.end)).toBe(o.quote);
            expect(ix.phrase(o.quote)!.key).toBe(key);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the matcher learns from spans', () => {
  const text1 = 'لا حاجة للقوات الأجنبية. القوات الأجنبية باقية. لا حاجة للقوات الأجنبية.';
  const text2 = 'القوات الأجنبية هنا. لا حاجة للقوات الأجنبية الآن.';
  const cp = (t: string, phrase: string, from = 0): { start: number; end: number } => {
    const at = t.indexOf(phrase, from);
    return {
      start: Array.from(t.slice(0, at)).length,
      end: Array.from(t.slice(0, at)).length + Array.from(phrase).length,
    };
  };
  const lexicon = lexiconOf([...scanWords(text1).bare, ...scanWords(text2).bare]);

  it('scores a phrase by the share of the places analysts saw it where they gave it that label', () => {
    const p = 'لا حاجة للقوات الأجنبية';
    const texts = [
      {
        docId: 'd1',
        text: text1,
        annotatorId: 'omar',
        spans: [{ ...cp(text1, p), label: 'pro-withdrawal' }],
      },
      {
        docId: 'd1',
        text: text1,
        annotatorId: 'laila',
        spans: [{ ...cp(text1, p), label: 'pro-withdrawal' }],
      },
    ];
    const table = PhraseTable.learn(texts, lexicon);
    const e = table.find(p)!;
    // Two annotators each saw the phrase twice in d1, and each labelled it once.
    expect(e.seen).toBe(4);
    expect(e.counts.get('pro-withdrawal')).toBe(2);
    const s = matcherSuggestions(table, { docId: 'd2', text: text2 });
    expect(s).toEqual([
      {
        docId: 'd2',
        ...cp(text2, p),
        quote: p,
        label: 'pro-withdrawal',
        score: 0.5,
        source: 'matcher',
        evidence: 'لا حاجه قوات اجنبيه',
      },
    ]);
  });

  it('takes the label analysts gave most, leaves out proposals inside a longer one, and uses the gazetteer', () => {
    const texts = [
      {
        docId: 'd1',
        text: text1,
        annotatorId: 'omar',
        spans: [
          { ...cp(text1, 'لا حاجة للقوات الأجنبية'), label: 'pro-withdrawal' },
          { ...cp(text1, 'لا حاجة للقوات الأجنبية', 30), label: 'pro-withdrawal' },
          { ...cp(text1, 'القوات الأجنبية باقية'), label: 'pro-coalition' },
          { ...cp(text1, 'القوات الأجنبية', 2), label: 'pro-coalition' },
        ],
      },
    ];
    const table = PhraseTable.learn(texts, lexicon, { gazetteer: { 'pro-coalition': ['هنا'] } });
    const s = matcherSuggestions(table, { docId: 'd2', text: text2 });
    expect(s.map((x) => [x.quote, x.label, x.score])).toEqual([
      // القوات الأجنبية: labelled once of the 3 places seen in d1 (twice as للقوات الأجنبية).
      ['القوات الأجنبية', 'pro-coalition', 1 / 3],
      // A cue nobody labelled gets the prior.
      ['هنا', 'pro-coalition', 0.5],
      // Inside a longer phrase of another label, it stays: they disagree.
      ['لا حاجة للقوات الأجنبية', 'pro-withdrawal', 1],
      ['للقوات الأجنبية', 'pro-coalition', 1 / 3],
    ]);
    // The proposal of a cue names the phrase as the gazetteer lists it; the others name none.
    expect(s.map((x) => x.cues)).toEqual([undefined, ['هنا'], undefined, undefined]);
  });

  it('names every listed spelling of a cue behind a proposal, for its label only', () => {
    const gazetteer = {
      'pro-withdrawal': ['انسحاب القوات', 'إنسحاب القوّات'],
      'pro-coalition': ['انسحاب القوات'],
    };
    const table = PhraseTable.learn([], lexicon, { gazetteer });
    const [s] = matcherSuggestions(table, {
      docId: 'd',
      text: 'طالب النواب اليوم انسحاب القوات الآن',
    });
    // No analyst labelled it: the first label listing it, with both spellings it was listed in.
    expect(s).toMatchObject({
      quote: 'انسحاب القوات',
      label: 'pro-withdrawal',
      cues: ['انسحاب القوات', 'إنسحاب القوّات'],
    });
  });
});

describe('label all occurrences', () => {
  it('proposes every occurrence across the corpus with the label, scored from the analysts', () => {
    const engine = new SuggestEngine();
    engine.addDocuments(Object.entries(DOCS).map(([docId, text]) => ({ docId, text })));
    const a = DOCS.a!;
    const at = Array.from(a.slice(0, a.indexOf('القوات الأجنبية'))).length;
    engine.setAnnotations([
      {
        docId: 'a',
        text: a,
        annotatorId: 'omar',
        spans: [{ start: at, end: at + 15, label: 'pro-withdrawal' }],
      },
    ]);
    const all = engine.occurrences('القوات الأجنبية');
    expect(all).toHaveLength(5);
    expect(new Set(all.map((s) => s.label))).toEqual(new Set(['pro-withdrawal']));
    // Seen once in the one document annotated, labelled there once.
    expect(all.every((s) => s.score === 1 && s.source === 'matcher')).toBe(true);
    expect(engine.occurrences('القوات الأجنبية', { label: 'pro-coalition' })[0]!.score).toBe(0);
  });
});
