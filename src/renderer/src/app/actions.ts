/** What the first-run dialog does, bound to the app's database (the work is in db/profile.ts). */
import type { AnnotatorRecord } from '@core/model.ts';
import { db } from '../db/db.ts';
import { createProfile } from '../db/profile.ts';

/** Creates the analyst's profile named `name`, with the default labels, in one transaction. */
export function startProfile(name: string): Promise<AnnotatorRecord> {
  return createProfile(db, name);
}
