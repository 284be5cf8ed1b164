/**
 * Committing edits: write first, then record the edit for undo. The view
 * reads from IndexedDB, so an edit only shows once its transaction has
 * resolved; a failed write is reported instead (failures.ts), naming the
 * edit and the cause, and the next edit that is stored clears it.
 */
import { db } from '../db/db.ts';
import { applyChanges, invertChanges, type Change } from '../db/spans.ts';
import { clearFailures, phrase, reportFailure } from '../failures.ts';
import { editName, historyFor, type EditName } from './history.ts';
import { updateSession } from './session.ts';

/** The failure key of annotation writes. */
export const WRITE_FAILURE = 'annotate:write';

/** Reports that edit `name` was not stored (or not undone, or not redone). */
function writeFailed(
  name: EditName,
  err: unknown,
  task:
    | 'failureTask.saveEdit'
    | 'failureTask.undoEdit'
    | 'failureTask.redoEdit' = 'failureTask.saveEdit',
): void {
  reportFailure(
    {
      key: WRITE_FAILURE,
      what: phrase(task, { name }),
      where: phrase('workbench.readingPane'),
    },
    err,
  );
}

/**
 * Edits, undos and redos run one after another, so an undo pressed while an
 * edit is still being written undoes that edit, never an older one.
 */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/** Applies and records one edit. Resolves true when it was stored. */
export function commitEdit(
  docId: string,
  annotatorId: string,
  name: EditName,
  changes: Change[],
): Promise<boolean> {
  return serial(() => commitNow(docId, annotatorId, name, changes));
}

/** An edit built from the stored records: whose document, its name, its changes. */
export interface BuiltEdit {
  docId: string;
  annotatorId: string;
  name: EditName;
  changes: Change[];
}

/**
 * Applies and records an edit that `build` makes from the stored records
 * when its turn comes, i.e. once every edit queued before it is stored: a
 * relabel or delete pressed while the span it targets is still being
 * written then finds that span. `build` resolves null when there is
 * nothing to do (the span is gone). Resolves true when it was stored.
 */
export function commitWhenReady(build: () => Promise<BuiltEdit | null>): Promise<boolean> {
  return serial(async () => {
    let edit: BuiltEdit | null;
    try {
      edit = await build();
    } catch (err) {
      writeFailed(editName('edit.readSpan'), err);
      return false;
    }
    return edit ? commitNow(edit.docId, edit.annotatorId, edit.name, edit.changes) : false;
  });
}

async function commitNow(
  docId: string,
  annotatorId: string,
  name: EditName,
  changes: Change[],
): Promise<boolean> {
  if (changes.length === 0) return true;
  let made: Change[];
  try {
    // Record what was written, including the status change an added span
    // may bring, so undo reverts the status with the span.
    made = await applyChanges(db, changes);
  } catch (err) {
    writeFailed(name, err);
    return false;
  }
  historyFor(docId, annotatorId).push({ name, changes: made });
  clearFailures(WRITE_FAILURE);
  updateSession({ notice: null });
  return true;
}

/** Undoes the last edit of this document. */
export function undo(docId: string, annotatorId: string): Promise<void> {
  return serial(() => undoNow(docId, annotatorId));
}

async function undoNow(docId: string, annotatorId: string): Promise<void> {
  const h = historyFor(docId, annotatorId);
  const edit = h.peekUndo();
  if (!edit) {
    updateSession({ notice: phrase('edit.nothingToUndo') });
    return;
  }
  try {
    await applyChanges(db, invertChanges(edit.changes));
    h.undone();
    clearFailures(WRITE_FAILURE);
    updateSession({ notice: phrase('actors.undone', { what: edit.name }) });
  } catch (err) {
    writeFailed(edit.name, err, 'failureTask.undoEdit');
  }
}

/** Redoes the last undone edit of this document. */
export function redo(docId: string, annotatorId: string): Promise<void> {
  return serial(() => redoNow(docId, annotatorId));
}

async function redoNow(docId: string, annotatorId: string): Promise<void> {
  const h = historyFor(docId, annotatorId);
  const edit = h.peekRedo();
  if (!edit) {
    updateSession({ notice: phrase('edit.nothingToRedo') });
    return;
  }
  try {
    await applyChanges(db, edit.changes);
    h.redone();
    clearFailures(WRITE_FAILURE);
    updateSession({ notice: phrase('actors.redone', { what: edit.name }) });
  } catch (err) {
    writeFailed(edit.name, err, 'failureTask.redoEdit');
  }
}
