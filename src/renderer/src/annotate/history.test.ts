// Undo history: at least 100 steps per document, redo cleared by a new edit.
import { describe, expect, it } from 'vitest';
import { editName, EditHistory, HISTORY_LIMIT, historyFor } from './history.ts';

describe('EditHistory', () => {
  it('keeps the last HISTORY_LIMIT (≥ 100) edits, undone and redone in order', () => {
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
    const h = new EditHistory();
    for (let i = 0; i < HISTORY_LIMIT + 50; i++)
      h.push({ name: editName('edit.labelAll', { count: i }), changes: [] });
    let undone = 0;
    while (h.canUndo) {
      expect(h.peekUndo()!.name.values?.count).toBe(HISTORY_LIMIT + 49 - undone);
      h.undone();
      undone++;
    }
    expect(undone).toBe(HISTORY_LIMIT);
    h.redone();
    expect(h.peekUndo()!.name.values?.count).toBe(50);
    h.push({ name: editName('edit.markDone'), changes: [] });
    expect(h.canRedo).toBe(false);
  });

  it('keeps one history per document and analyst', () => {
    historyFor('doc-a', 'laila').push({ name: editName('edit.deleteSpan'), changes: [] });
    expect(historyFor('doc-b', 'laila').canUndo).toBe(false);
    expect(historyFor('doc-a', 'omar').canUndo).toBe(false);
    expect(historyFor('doc-a', 'laila').peekUndo()!.name).toEqual({ id: 'edit.deleteSpan' });
  });
});
