// Runs in real Chromium on real IndexedDB: the span panel proposes the
// holder of the selected span from the text, H confirms it (stored as one
// undoable edit), and H typed into a field or with a dialog open does
// nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRoot, type Root } from 'react-dom/client';
import { buildDocumentRecord } from '@core/document.ts';
import type { AnnotatorRecord, DocumentRecord, SpanRecord } from '@core/model.ts';
import { utf16ToCp } from '@core/offsets.ts';
import { db } from '../db/db.ts';
import { addActor } from '../db/actors.ts';
import { createProfile } from '../db/profile.ts';
import { makeSpan } from '../db/spans.ts';
import { updateSession } from '../annotate/session.ts';
import { undo } from '../annotate/editor.ts';
import { SpanPanel } from '../annotate/SpanPanel.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { waitFor } from '../test/wait.ts';
import { attributeSpan } from './actions.ts';

const QUOTE = 'لا توجد حاجة لأي قوات قتالية أجنبية';
const TEXT = `قال رئيس الوزراء مصطفى الكاظمي إن "${QUOTE}"، فيما انتقد قيس الخزعلي التصريح.`;

let root: Root | null = null;
let host: HTMLElement | null = null;
let self: AnnotatorRecord;
let doc: DocumentRecord;
let span: SpanRecord;
let kadhimi: string;

const press = (target: EventTarget, key: string, code = `Key${key.toUpperCase()}`): void => {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true }),
  );
};
const stored = async (): Promise<SpanRecord> => (await db.spans.get(span.id))!;

beforeEach(async () => {
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  self = await createProfile(db, 'Laila');
  doc = await buildDocumentRecord({ text: TEXT, title: 'اختبار' });
  await db.documents.put(doc);
  const k = await addActor(db, {
    nameAr: 'مصطفى الكاظمي',
    nameEn: 'Mustafa al-Kadhimi',
    kind: 'person',
    affiliation: null,
    aliases: ['الكاظمي'],
  });
  await addActor(db, {
    nameAr: 'قيس الخزعلي',
    nameEn: 'Qais al-Khazali',
    kind: 'person',
    affiliation: null,
    aliases: [],
  });
  if (!k.ok) throw new Error('actor not added');
  kadhimi = k.actor.id;
  const u = TEXT.indexOf(QUOTE);
  const start = utf16ToCp(TEXT, u);
  span = makeSpan({
    docId: doc.id,
    annotatorId: self.id,
    label: 'pro-withdrawal',
    start,
    end: start + [...QUOTE].length,
    quote: QUOTE,
  });
  await db.spans.put(span);
  updateSession({ selectedSpanId: span.id, pending: null, sticky: null, notice: null });
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  root.render(
    <I18nProvider open>
      <SpanPanel self={self} docId={doc.id} />
    </I18nProvider>,
  );
});

afterEach(() => {
  root?.unmount();
  host?.remove();
  root = null;
});

describe('the proposed holder in the span panel', () => {
  it('shows the speaker and the kind, and H stores them as one undoable edit', async () => {
    const box = await waitFor(() => {
      const b = host!.querySelector('[aria-label="Proposed attribution"]');
      expect(b?.textContent).toContain('Proposed holder: مصطفى الكاظمي');
      return b!;
    });
    expect(box.textContent).toContain('Direct quote');
    press(document.body, 'h');
    await waitFor(async () => expect((await stored()).holderActorId).toBe(kadhimi));
    expect((await stored()).attribution).toBe('direct-quote');
    expect((await stored()).holder).toBe('مصطفى الكاظمي');
    await waitFor(() =>
      expect(box.textContent).toContain('The proposal is the span’s attribution.'),
    );
    await undo(doc.id, self.id);
    expect((await stored()).holderActorId ?? null).toBeNull();
    expect((await stored()).attribution ?? null).toBeNull();
  });

  it('ignores H typed into a field or pressed with a dialog open', async () => {
    const target = await waitFor(() => {
      const t = host!.querySelector<HTMLInputElement>(
        'input[placeholder="What the stance is about"]',
      );
      expect(t).not.toBeNull();
      expect(host!.textContent).toContain('Proposed holder: مصطفى الكاظمي');
      return t!;
    });
    press(target, 'h');
    const dialog = document.createElement('dialog');
    document.body.append(dialog);
    dialog.showModal();
    press(document.body, 'h');
    dialog.close();
    dialog.remove();
    // A later edit goes through the same queue: once it is stored, an H
    // acted on would be too.
    await attributeSpan(span.id, { target: 'القوات الأميركية' });
    const s = await stored();
    expect(s.target).toBe('القوات الأميركية');
    expect(s.holderActorId ?? null).toBeNull();
  });
});
