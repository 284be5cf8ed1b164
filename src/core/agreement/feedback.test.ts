// Feedback against gold: every kind of difference, and counts per label.
import { describe, expect, it } from 'vitest';
import { feedbackAgainstGold, feedbackCounts } from './feedback.ts';

const s = (start: number, end: number, label: string) => ({ start, end, label });

describe('feedback against gold', () => {
  it('names missed, extra, other-label and other-extent spans, and counts them per label', () => {
    const gold = [s(0, 10, 'P'), s(20, 30, 'P'), s(40, 50, 'Q'), s(60, 70, 'Q')];
    const own = [
      s(0, 10, 'P'), // matched
      s(22, 30, 'P'), // other extent of 20–30
      s(40, 50, 'P'), // other label on 40–50
      s(80, 90, 'Q'), // extra
      // 60–70 Q: missed
    ];
    const f = feedbackAgainstGold(own, gold);
    expect({ ...f.matched }).toEqual({ P: 1 });
    expect(f.items.map((i) => [i.kind, i.gold?.start ?? null, i.own?.start ?? null])).toEqual([
      ['extent', 20, 22],
      ['label', 40, 40],
      ['missed', 60, null],
      ['extra', null, 80],
    ]);
    expect(feedbackCounts([f])).toEqual({
      P: { matched: 1, missed: 0, extra: 0, label: 0, extent: 1 },
      Q: { matched: 0, missed: 1, extra: 1, label: 1, extent: 0 },
    });
  });

  it('finds nothing to say when the analyst has exactly gold', () => {
    const gold = [s(0, 10, 'P'), s(5, 12, 'Q')];
    const f = feedbackAgainstGold([...gold].reverse(), gold);
    expect(f.items).toEqual([]);
    expect({ ...f.matched }).toEqual({ P: 1, Q: 1 });
  });
});
