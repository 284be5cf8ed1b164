/** The stored interface preferences, live; none until the database is open. */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { db } from '../db/db.ts';
import { readUiPrefs, type UiPrefs } from './ui-prefs.ts';

const NONE: UiPrefs = { lang: undefined, digits: undefined };

/** The stored language and digits once `open` (the database is open), else none. */
export function useUiPrefs(open: boolean): UiPrefs {
  return useLiveQuery(() => (open ? readUiPrefs(db) : NONE), [open], NONE);
}
