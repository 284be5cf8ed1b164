/** The reading pane's text size, a setting of the profile, live from IndexedDB. */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { db } from '../db/db.ts';
import { getSetting } from '../db/settings.ts';

/** The text size in pixels when none was chosen. */
export const DEFAULT_FONT_SIZE = 20;

/** The reading pane's text size in pixels. */
export function useFontSize(): number {
  return useLiveQuery(() => getSetting(db, 'fontSize'), [], undefined) ?? DEFAULT_FONT_SIZE;
}
