// The native open and export dialogs are worded in the interface language:
// titles and file-type filter names come from the same catalogs as the
// window, so an analyst working in Arabic sees no English in them.
import { describe, expect, it } from 'vitest';
import { openDialogOptions, saveDialogOptions } from './dialog-options.ts';
import { setMainLanguage } from './ui-language.ts';

const LATIN_WORD = /[A-Za-z]{3,}/u;

describe('dialog options', () => {
  it('names the open dialog and its filters in Arabic', () => {
    const o = openDialogOptions('ar');
    expect(o.title).toBe('فتح مقالات أو مجموعات بيانات');
    expect(o.filters?.map((f) => f.name)).toEqual(['مقالات ومجموعات بيانات', 'كل الملفات']);
    expect(o.filters?.[0]?.extensions).toEqual(['txt', 'html', 'htm', 'jsonl', 'json']);
    expect(o.properties).toEqual(['openFile', 'multiSelections']);
  });

  it("offers the export's own type first, then any file, in the language", () => {
    const jsonl = saveDialogOptions('stance-2026-11-30.jsonl', 'ar');
    expect(jsonl.title).toBe('تصدير');
    expect(jsonl.defaultPath).toBe('stance-2026-11-30.jsonl');
    expect(jsonl.filters).toEqual([
      { name: 'ملفات JSONL', extensions: ['jsonl'] },
      { name: 'كل الملفات', extensions: ['*'] },
    ]);
    expect(saveDialogOptions('actors.CSV', 'en').filters?.map((f) => f.name)).toEqual([
      'CSV files',
      'All files',
    ]);
    expect(saveDialogOptions('notes', 'en').filters?.map((f) => f.name)).toEqual(['All files']);
  });

  it('follows the language the window last chose', () => {
    setMainLanguage('ar');
    const names = [
      openDialogOptions().title,
      ...(openDialogOptions().filters ?? []).map((f) => f.name),
      saveDialogOptions('x.jsonl').title,
      ...(saveDialogOptions('x.jsonl').filters ?? []).map((f) => f.name.replace('JSONL', '')),
    ];
    for (const n of names) expect(n, n).not.toMatch(LATIN_WORD);
    setMainLanguage('en');
    expect(openDialogOptions().filters?.map((f) => f.name)).toEqual([
      'Articles and datasets',
      'All files',
    ]);
  });
});
