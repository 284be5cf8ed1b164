// When a decision shown before it is stored gives way to what the review
// read from IndexedDB: as soon as the read agrees, or, once the write has
// resolved, at the next read whatever it says (a colleague's change synced
// meanwhile is shown, never hidden behind a stale decision).
import { describe, expect, it } from 'vitest';
import { stillUnsaved, storedState } from './decisions.ts';

describe('storedState', () => {
  it('says in gold over a stale rejection, then rejected, else pending', () => {
    const gold = new Set(['0:4:a']);
    const rejected = new Set(['0:4:a', '5:9:b']);
    expect(storedState('0:4:a', gold, rejected)).toBe('in-gold');
    expect(storedState('5:9:b', gold, rejected)).toBe('rejected');
    expect(storedState('9:12:c', gold, rejected)).toBe('pending');
  });
});

describe('stillUnsaved', () => {
  const before = {};
  const after = {};

  it('shows a decision while its write is under way', () => {
    expect(stillUnsaved({ state: 'in-gold', id: 1 }, 'pending', before)).toBe(true);
    expect(stillUnsaved({ state: 'in-gold', id: 1 }, 'pending', after)).toBe(true);
  });

  it('gives way once the stored state agrees', () => {
    expect(stillUnsaved({ state: 'rejected', id: 1 }, 'rejected', before)).toBe(false);
    expect(stillUnsaved(undefined, 'pending', before)).toBe(false);
  });

  it('after the write resolved, holds until the next read, then shows what was read', () => {
    const saved = { state: 'in-gold' as const, id: 1, savedWith: before };
    expect(stillUnsaved(saved, 'pending', before)).toBe(true);
    expect(stillUnsaved(saved, 'pending', after)).toBe(false);
  });
});
