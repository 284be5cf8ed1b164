// Runs in real Chromium: the names the Actors dialog and the Analysis view
// take from core (an actor edit for undo and redo, the "no holder" and
// "holder disputed" rows) read in the interface language, Arabic included.
import { describe, expect, it } from 'vitest';
import { IntlProvider } from 'react-intl';
import { createActor, mergeActors } from '@core/actors/operations.ts';
import type { ActorEditWhat } from '@core/actors/operations.ts';
import type { HolderInfo } from '@core/actors/analysis-types.ts';
import { CATALOGS } from '../i18n/catalogs.ts';
import { hostPerTest } from '../test/host.tsx';
import { useEditText } from './useEditText.ts';
import { useHolderName } from './useHolderName.ts';

const page = hostPerTest();

function Names(p: { edits: ActorEditWhat[]; holders: Pick<HolderInfo, 'kind' | 'name'>[] }) {
  const editText = useEditText();
  const holderName = useHolderName();
  return (
    <ul>
      {[...p.edits.map(editText), ...p.holders.map(holderName)].map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
}

function render(lang: 'en' | 'ar', p: Parameters<typeof Names>[0]): string[] {
  page.renderNow(
    <IntlProvider locale={lang} messages={CATALOGS[lang]}>
      <Names {...p} />
    </IntlProvider>,
  );
  return [...page.el.querySelectorAll('li')].map((li) => li.textContent ?? '');
}

describe('names from core, in the interface language', () => {
  const fields = { nameEn: '', kind: 'person' as const, affiliation: null, aliases: [] };
  const kadhimi = createActor({ ...fields, nameAr: 'مصطفى الكاظمي' }, [], { id: 'k', now: 1 });
  const dup = createActor({ ...fields, nameAr: 'الكاظمي' }, [], { id: 'd', now: 1 });
  if (!kadhimi.ok || !dup.ok) throw new Error('fixture actors are invalid');
  const merge = mergeActors(kadhimi.actor, [dup.actor], [], 2);
  if (!merge.ok) throw new Error('fixture merge is invalid');
  const edits = [kadhimi.edit.what, merge.edit.what];
  const holders = [
    { kind: 'none' as const, name: '(no holder)' },
    { kind: 'disputed' as const, name: '(holder disputed)' },
    { kind: 'actor' as const, name: 'مصطفى الكاظمي' },
  ];

  it('in English', () => {
    expect(render('en', { edits, holders })).toEqual([
      'add actor مصطفى الكاظمي',
      'merge الكاظمي into مصطفى الكاظمي',
      '(no holder)',
      '(holder disputed)',
      'مصطفى الكاظمي',
    ]);
  });

  it('in Arabic', () => {
    expect(render('ar', { edits, holders })).toEqual([
      'إضافة الفاعل مصطفى الكاظمي',
      'دمج الكاظمي في مصطفى الكاظمي',
      '(بلا صاحب موقف)',
      '(صاحب الموقف مختلف عليه)',
      'مصطفى الكاظمي',
    ]);
  });
});
