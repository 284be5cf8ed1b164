// Team progress counts: assigned documents when an analyst has any, else
// all; missing statuses count as not started; unknown documents are ignored.
import { describe, expect, it } from 'vitest';
import { teamProgress } from './progress.ts';

describe('teamProgress', () => {
  it('counts each analyst’s assigned documents by status, or all documents without assignments', () => {
    const analysts = [
      { id: 'omar', name: 'Omar' },
      { id: 'huda', name: 'Huda' },
    ];
    const docs = ['d1', 'd2', 'd3', 'd4'];
    const assignments = [
      { docId: 'd1', annotatorIds: ['omar'] },
      { docId: 'd2', annotatorIds: ['omar'] },
      { docId: 'd3', annotatorIds: ['omar'] },
      { docId: 'gone', annotatorIds: ['omar'] },
    ];
    const statuses = [
      { docId: 'd1', annotatorId: 'omar', status: 'done' as const },
      { docId: 'd2', annotatorId: 'omar', status: 'in-progress' as const },
      { docId: 'd4', annotatorId: 'omar', status: 'done' as const },
      { docId: 'd4', annotatorId: 'huda', status: 'in-progress' as const },
      { docId: 'd1', annotatorId: 'huda', status: 'done' as const },
    ];
    expect(teamProgress(analysts, docs, assignments, statuses)).toEqual([
      { id: 'omar', name: 'Omar', assigned: true, done: 1, inProgress: 1, notStarted: 1 },
      { id: 'huda', name: 'Huda', assigned: false, done: 1, inProgress: 1, notStarted: 2 },
    ]);
  });
});
