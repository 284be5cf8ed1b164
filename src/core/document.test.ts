// Document records: an untitled document keeps an empty title (the UI says
// "No title"), its list excerpt is cut at a word boundary in code points,
// and the cut-off titles older versions invented are recognised for the upgrade.
import { describe, expect, it } from 'vitest';
import { buildDocumentRecord, leadExcerpt } from './document.ts';
import { isDerivedTitle } from './legacy-titles.ts';

const KADHIMI =
  'قال رئيس الوزراء العراقي، مصطفى الكاظمي، إن بلاده لم تعد بحاجة إلى قوات قتالية أميركية لمحاربة تنظيم "داعش"، لكن الإطار الزمني الرسمي لإعادة انتشارهم سيعتمد على نتيجة المحادثات.\nوأشار الكاظمي إلى أن العراق سيستمر في طلب التدريب.';

describe('untitled documents', () => {
  it('keep an empty title instead of their first line', async () => {
    const doc = await buildDocumentRecord({ text: KADHIMI });
    expect(doc.title).toBe('');
    const titled = await buildDocumentRecord({ text: KADHIMI, title: '  الكاظمي  ' });
    expect(titled.title).toBe('الكاظمي');
  });

  it('are shown with an excerpt of their first line, cut at a word', () => {
    const lead = leadExcerpt(KADHIMI);
    expect(lead.endsWith('…')).toBe(true);
    expect(KADHIMI.startsWith(lead.slice(0, -1))).toBe(true);
    expect([...lead].length).toBeLessThanOrEqual(81);
    expect(lead).toBe(
      'قال رئيس الوزراء العراقي، مصطفى الكاظمي، إن بلاده لم تعد بحاجة إلى قوات قتالية…',
    );
    expect(leadExcerpt('خبر قصير\nثم سطر ثان')).toBe('خبر قصير');
    // Counted in code points: an emoji is one character, never split.
    const emoji = `${'😀'.repeat(90)}`;
    expect([...leadExcerpt(emoji)].every((c) => c === '😀' || c === '…')).toBe(true);
  });

  it('are recognised by the titles older versions invented for them', () => {
    const sentence =
      'قال رئيس الوزراء العراقي، مصطفى الكاظمي، إن بلاده لم تعد بحاجة إلى قوات قتالية أميركية لمحاربة…';
    expect(isDerivedTitle(sentence, KADHIMI)).toBe(true);
    const line = 'خبر '.repeat(40).trim();
    expect(isDerivedTitle(`${line.slice(0, 117)}…`, `${line}\nثم سطر ثان`)).toBe(true);
    // A whole first line may be the page's own title: left alone.
    expect(isDerivedTitle('خبر قصير', 'خبر قصير\nثم سطر ثان')).toBe(false);
    expect(isDerivedTitle('الحوار الاستراتيجي', KADHIMI)).toBe(false);
    expect(isDerivedTitle('', KADHIMI)).toBe(false);
  });
});
