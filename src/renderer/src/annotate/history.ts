/**
 * Undo and redo per document: each entry is the list of changes one edit
 * made; undoing applies their inverse. Kept in memory for the session, 200
 * steps per document.
 */
import type { Change } from '../db/spans.ts';
import type { Phrase, PhraseValue } from '../failures.ts';
import type { MessageId } from '../i18n/catalogs.ts';

export const HISTORY_LIMIT = 200;

/** The catalog messages that name an edit (`edit.*` in src/core/i18n/messages). */
export type EditNameId = Extract<MessageId, `edit.${string}`>;

/**
 * What an edit did, as a catalog phrase ("add {label} span"), worded in the
 * interface language when shown ("Undid: …", "Saving the edit “…”"): a
 * type, so no caller can name an edit in English.
 */
export interface EditName extends Phrase {
  id: EditNameId;
}

/** The name of an edit: message `id` with `values` (a label key, a count). */
export function editName(id: EditNameId, values?: Record<string, PhraseValue>): EditName {
  return values ? { id, values } : { id };
}

export interface Edit {
  /** What the edit did, for messages ("Undid: add span"). */
  name: EditName;
  changes: Change[];
}

export class EditHistory {
  private past: Edit[] = [];
  private future: Edit[] = [];

  /** Records a new edit; it clears what could be redone. */
  push(edit: Edit): void {
    this.past.push(edit);
    if (this.past.length > HISTORY_LIMIT) this.past.shift();
    this.future = [];
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** The edit undo would revert, without removing it. */
  peekUndo(): Edit | undefined {
    return this.past.at(-1);
  }

  peekRedo(): Edit | undefined {
    return this.future.at(-1);
  }

  /** Moves the last edit to the redo stack (after its inverse was written). */
  undone(): void {
    const e = this.past.pop();
    if (e) this.future.push(e);
  }

  /** Moves the last undone edit back (after it was written again). */
  redone(): void {
    const e = this.future.pop();
    if (e) this.past.push(e);
  }
}

const histories = new Map<string, EditHistory>();

/** The history of one document (and analyst) for this session. */
export function historyFor(docId: string, annotatorId: string): EditHistory {
  const key = `${annotatorId}\u0000${docId}`;
  let h = histories.get(key);
  if (!h) {
    h = new EditHistory();
    histories.set(key, h);
  }
  return h;
}
