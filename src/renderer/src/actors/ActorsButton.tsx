/**
 * The button that opens the Actors dialog, offering the words selected in
 * the reading pane (if any) as a new actor's name.
 */
import { useState } from 'react';
import { cpSlice } from '@core/offsets.ts';
import { useSession } from '../annotate/session.ts';
import { useDocument } from '../hooks/useDocument.ts';
import { useT } from '../i18n/T.tsx';
import { Lazy, lazyPart } from '../components/Lazy.tsx';

// Loaded on demand, the first time it opens (docs/architecture.md, What loads when).
const ActorsDialog = lazyPart(
  () => import('./ActorsDialog.tsx'),
  (m) => m.ActorsDialog,
);

/** Opens the Actors dialog; `docId` is the article open in the reading pane. */
export function ActorsButton({ docId }: { docId: string | null }): React.JSX.Element {
  const t = useT();
  const [open, setOpen] = useState<string | null | false>(false);
  const { pending } = useSession();
  const doc = useDocument(docId);
  const selected = pending && doc ? cpSlice(doc.text, pending.start, pending.end) : null;
  return (
    <>
      <button type="button" className="actors-button" onClick={() => setOpen(selected)}>
        {t('actors.open')}
      </button>
      <Lazy kind="dialog">
        {open !== false && <ActorsDialog selectedText={open} onClose={() => setOpen(false)} />}
      </Lazy>
    </>
  );
}
