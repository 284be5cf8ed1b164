// The project's validation function, called directly as the server calls
// it, and its stored source text compiled and run the same way.
import { describe, expect, it } from 'vitest';
import { checkWrite, validateDocUpdate, VALIDATE_SOURCE, type UserCtx } from './validate.ts';

type Doc = Parameters<typeof validateDocUpdate>[0];

const omar: UserCtx = { name: 'omar', roles: ['analyst'] };
const sara: UserCtx = { name: 'sara', roles: ['analyst', 'adjudicator'] };
const lina: UserCtx = { name: 'lina', roles: ['lead'] };
const nobody: UserCtx = { name: 'eve', roles: [] };
const anonymous: UserCtx = { name: null, roles: [] };
const admin: UserCtx = { name: 'admin', roles: ['_admin'] };

const span = (user: string, patch: Record<string, unknown> = {}): Doc => ({
  _id: `span:${user}:s1`,
  spanId: 's1',
  annotatorId: user,
  docId: 'd1',
  label: 'pro-withdrawal',
  start: 3,
  end: 9,
  quote: 'القوات',
  holder: null,
  note: null,
  createdAt: 1,
  updatedAt: 2,
  ...patch,
});
const status = (user: string, patch: Record<string, unknown> = {}): Doc => ({
  _id: `status:${user}:d1`,
  annotatorId: user,
  docId: 'd1',
  status: 'done',
  docStance: null,
  updatedAt: 2,
  ...patch,
});
const gold = (by: string, patch: Record<string, unknown> = {}): Doc => ({
  _id: 'gold:d1',
  docId: 'd1',
  spans: [{ id: 'g1', label: 'pro-withdrawal', start: 3, end: 9, quote: 'القوات' }],
  rejected: [],
  status: 'in-progress',
  updatedBy: by,
  updatedAt: 5,
  ...patch,
});
const cues = (user: string, patch: Record<string, unknown> = {}): Doc => ({
  _id: `gazetteer:${user}`,
  annotatorId: user,
  phrases: { 'pro-withdrawal': ['انسحاب القوات', 'لا حاجة لقوات قتالية'] },
  updatedAt: 3,
  ...patch,
});
const actor = (by: string, patch: Record<string, unknown> = {}): Doc => ({
  _id: 'actor:a1',
  id: 'a1',
  nameAr: 'مصطفى الكاظمي',
  nameEn: 'Mustafa al-Kadhimi',
  kind: 'person',
  affiliation: null,
  aliases: ['الكاظمي'],
  createdAt: 1,
  updatedAt: 2,
  mergedInto: null,
  updatedBy: by,
  ...patch,
});
const article = (text = 'نص المقال'): Doc => ({ _id: 'article:d1', text, title: 'عنوان' });

/** The same cases, run against a function. */
function cases(validate: typeof validateDocUpdate): void {
  const verdict = (doc: Doc, old: Doc | null, user: UserCtx): string => {
    try {
      validate(doc, old, user);
      return 'ok';
    } catch (e) {
      const r = e as { forbidden?: string; unauthorized?: string };
      return r.unauthorized !== undefined ? `401 ${r.unauthorized}` : `403 ${r.forbidden}`;
    }
  };

  it('lets an analyst write and delete only their own spans and statuses', () => {
    expect(verdict(span('omar'), null, omar)).toBe('ok');
    expect(verdict(status('omar'), null, omar)).toBe('ok');
    expect(verdict({ _id: 'span:omar:s1', _deleted: true }, span('omar'), omar)).toBe('ok');
    expect(verdict(span('sara'), null, omar)).toBe(
      '403 span:sara:s1: only sara may change their spans; you are omar.',
    );
    expect(verdict({ _id: 'status:sara:d1', _deleted: true }, null, omar)).toMatch(
      /^403 .*only sara/,
    );
    // The id names the author and the body must agree with it.
    expect(verdict(span('omar', { annotatorId: 'sara' }), null, omar)).toBe(
      '403 span:omar:s1: annotatorId must be omar.',
    );
  });

  it('needs the analyst role for spans, even for their own id', () => {
    expect(verdict(span('lina'), null, lina)).toBe(
      '403 span:lina:s1: only analysts write spans and statuses.',
    );
  });

  it('refuses malformed spans and statuses, naming the field', () => {
    expect(verdict(span('omar', { end: 3 }), null, omar)).toMatch(/start and end must be whole/);
    expect(verdict(span('omar', { start: 1.5 }), null, omar)).toMatch(/start and end/);
    expect(verdict(span('omar', { label: '' }), null, omar)).toMatch(/label is missing/);
    expect(verdict(span('omar', { spanId: 's2' }), null, omar)).toMatch(/spanId must be s1/);
    expect(verdict(status('omar', { status: 'finished' }), null, omar)).toMatch(/status must be/);
    expect(verdict(status('omar', { docId: 'd2' }), null, omar)).toMatch(/docId must be d1/);
    expect(verdict({ _id: 'span:omar' }, null, omar)).toBe('403 Malformed id span:omar.');
  });

  it('lets an analyst write and delete only their own cue phrases (gazetteer)', () => {
    expect(verdict(cues('omar'), null, omar)).toBe('ok');
    expect(verdict(cues('omar', { phrases: {} }), cues('omar'), omar)).toBe('ok');
    expect(verdict({ _id: 'gazetteer:omar', _deleted: true }, cues('omar'), omar)).toBe('ok');
    // Another analyst's list, even by an adjudicator or a lead, is refused.
    expect(verdict(cues('omar'), null, sara)).toBe(
      '403 gazetteer:omar: only omar may change their cue phrases; you are sara.',
    );
    expect(verdict({ _id: 'gazetteer:omar', _deleted: true }, cues('omar'), lina)).toMatch(
      /^403 .*only omar/,
    );
    // Keeping cue phrases is an analyst's work, like spans.
    expect(verdict(cues('lina'), null, lina)).toBe(
      '403 gazetteer:lina: only analysts keep cue phrases.',
    );
    expect(verdict(cues('omar'), null, admin)).toBe('ok');
  });

  it('lets any member add, edit, merge and remove a shared actor, as themselves', () => {
    expect(verdict(actor('omar'), null, omar)).toBe('ok');
    // A colleague edits it, or merges it into another actor.
    expect(verdict(actor('sara', { aliases: [] }), actor('omar'), sara)).toBe('ok');
    expect(verdict(actor('lina', { mergedInto: 'a2' }), actor('omar'), lina)).toBe('ok');
    expect(verdict({ _id: 'actor:a1', _deleted: true }, actor('omar'), sara)).toBe('ok');
    // …but says who wrote it, and must be a member.
    expect(verdict(actor('omar'), null, sara)).toBe('403 actor:a1: updatedBy must be sara.');
    expect(verdict(actor('eve'), null, nobody)).toMatch(/^403 User eve has no role/);
    expect(verdict(actor('omar'), null, anonymous)).toMatch(/^401 /);
  });

  it('refuses a malformed actor, naming what is wrong', () => {
    expect(verdict(actor('omar', { id: 'a2' }), null, omar)).toBe('403 actor:a1: id must be a1.');
    expect(verdict(actor('omar', { nameAr: '', nameEn: '' }), null, omar)).toBe(
      '403 actor:a1: an actor needs an Arabic or an English name.',
    );
    expect(verdict(actor('omar', { aliases: 'الكاظمي' }), null, omar)).toBe(
      '403 actor:a1: aliases must be a list.',
    );
    expect(verdict(actor('omar', { aliases: ['x', 3] }), null, omar)).toBe(
      '403 actor:a1: alias 1 must be text.',
    );
    expect(verdict(actor('omar', { mergedInto: 'a1' }), null, omar)).toBe(
      '403 actor:a1: mergedInto must name another actor.',
    );
    expect(verdict(actor('omar', { updatedAt: 'now' }), null, omar)).toMatch(/must be numbers/);
    expect(verdict({ ...actor('omar'), _id: 'actor:' }, null, omar)).toBe(
      '403 Malformed id actor:.',
    );
  });

  it('refuses a malformed gazetteer, naming what is wrong', () => {
    expect(verdict(cues('omar', { annotatorId: 'sara' }), null, omar)).toBe(
      '403 gazetteer:omar: annotatorId must be omar.',
    );
    expect(verdict(cues('omar', { updatedAt: 'now' }), null, omar)).toBe(
      '403 gazetteer:omar: updatedAt must be a number.',
    );
    expect(verdict(cues('omar', { phrases: ['انسحاب'] }), null, omar)).toBe(
      '403 gazetteer:omar: phrases must be an object of lists per label.',
    );
    expect(verdict(cues('omar', { phrases: null }), null, omar)).toMatch(/phrases must be/);
    expect(verdict(cues('omar', { phrases: { x: 'انسحاب' } }), null, omar)).toBe(
      '403 gazetteer:omar: the phrases of x must be a list.',
    );
    expect(verdict(cues('omar', { phrases: { x: ['انسحاب', 7] } }), null, omar)).toBe(
      '403 gazetteer:omar: phrase 1 of x must be text.',
    );
  });

  it('lets only adjudicators write gold, as themselves', () => {
    expect(verdict(gold('sara'), null, sara)).toBe('ok');
    expect(verdict(gold('omar'), null, omar)).toBe(
      '403 gold:d1: only adjudicators change gold; omar is not one.',
    );
    expect(verdict({ _id: 'gold:d1', _deleted: true }, gold('sara'), omar)).toMatch(/^403/);
    expect(verdict(gold('omar'), null, sara)).toBe('403 gold:d1: updatedBy must be sara.');
    expect(
      verdict(gold('sara', { spans: [{ id: 'g', label: 'x', start: 5, end: 5 }] }), null, sara),
    ).toBe('403 gold:d1: gold span 0 is malformed.');
  });

  it('lets only leads write labels, settings and assignments', () => {
    const labels: Doc = {
      _id: 'project:labels',
      labels: [{ key: 'pro-withdrawal', name: 'Pro-withdrawal' }],
      updatedBy: 'lina',
      updatedAt: 1,
    };
    const settings: Doc = { _id: 'project:settings', blind: true, updatedBy: 'lina', updatedAt: 1 };
    const assign: Doc = {
      _id: 'assign:d1',
      docId: 'd1',
      annotatorIds: ['omar'],
      updatedBy: 'lina',
      updatedAt: 1,
    };
    for (const doc of [labels, settings, assign]) {
      expect(verdict(doc, null, lina)).toBe('ok');
      expect(verdict({ ...doc, updatedBy: 'sara' }, null, sara)).toMatch(
        /only project leads change labels, settings and assignments; sara is not one/,
      );
    }
    expect(verdict({ ...settings, blind: 'yes' }, null, lina)).toBe(
      '403 project:settings: blind must be true or false.',
    );
  });

  it('lets any member add an article whose text never changes; only leads remove one', () => {
    expect(verdict(article(), null, omar)).toBe('ok');
    expect(verdict({ ...article(), title: 'عنوان آخر' }, article(), omar)).toBe('ok');
    expect(verdict(article('نص آخر'), article(), lina)).toBe(
      "403 article:d1: an article's text never changes.",
    );
    expect(verdict({ _id: 'article:d1', _deleted: true }, article(), omar)).toBe(
      '403 article:d1: only leads remove articles.',
    );
    expect(verdict({ _id: 'article:d1', _deleted: true }, article(), lina)).toBe('ok');
  });

  it('refuses strangers and unknown documents; admins may do anything', () => {
    expect(verdict(span('omar'), null, anonymous)).toBe('401 Sign in to change this project.');
    expect(verdict(span('eve'), null, nobody)).toBe(
      '403 User eve has no role in this project (analyst, adjudicator or lead).',
    );
    expect(verdict({ _id: 'notes:1' }, null, omar)).toBe(
      '403 Unknown document notes:1 for this project.',
    );
    expect(verdict({ _id: 'project:other' }, null, lina)).toMatch(/Unknown document/);
    expect(verdict(span('sara'), null, admin)).toBe('ok');
    expect(verdict({ _id: 'anything' }, null, admin)).toBe('ok');
  });

  it('lets users own ids with colons in the middle part only as themselves', () => {
    const odd: UserCtx = { name: 'a:b', roles: ['analyst'] };
    expect(verdict(span('a:b'), null, odd)).toBe('ok');
    expect(verdict(span('a:b'), null, { name: 'a', roles: ['analyst'] })).toMatch(/^403/);
  });
}

describe('validateDocUpdate, called directly', () => cases(validateDocUpdate));

describe('VALIDATE_SOURCE, the text stored on the server', () => {
  it('is one self-contained ES5 function', () => {
    expect(VALIDATE_SOURCE.startsWith('function validateDocUpdate(')).toBe(true);
    // No ES2015+ syntax, no helper a bundler would add (CouchDB may run an old SpiderMonkey).
    for (const token of ['=>', '`', 'const ', 'let ', '__name', 'class ', '...'])
      expect(VALIDATE_SOURCE, token).not.toContain(token);
  });
  // The source compiled on its own, as the server compiles it.
  const compiled = new Function(`return (${VALIDATE_SOURCE});`)() as typeof validateDocUpdate;
  cases(compiled);
});

describe('checkWrite', () => {
  it('returns the status and reason of a refusal, or null', () => {
    expect(checkWrite(span('omar'), null, omar)).toBeNull();
    expect(checkWrite(gold('omar'), null, omar)).toEqual({
      status: 403,
      reason: 'gold:d1: only adjudicators change gold; omar is not one.',
    });
    expect(checkWrite(span('omar'), null, anonymous)?.status).toBe(401);
  });
});
