/**
 * An actor edit named in the interface language ("add actor مصطفى الكاظمي",
 * "إضافة الفاعل مصطفى الكاظمي"), for the Actors dialog's undo and redo.
 * Core describes each edit as data (ActorEditWhat); only the interface
 * puts it into words.
 */
import type { ActorEditWhat } from '@core/actors/operations.ts';
import { useT } from '../i18n/T.tsx';

/** The function naming an actor edit in the interface language. */
export function useEditText(): (what: ActorEditWhat) => string {
  const t = useT();
  return (w) => {
    switch (w.op) {
      case 'add':
        return t('actors.op.add', { subject: w.subject });
      case 'edit':
        return t('actors.op.edit', { subject: w.subject });
      case 'merge':
        return t('actors.op.merge', { subject: w.subject, into: w.into ?? '' });
      case 'delete':
        return t('actors.op.delete', { subject: w.subject });
      case 'link':
        return t('actors.op.link', { subject: w.subject, into: w.into ?? '' });
    }
  };
}
