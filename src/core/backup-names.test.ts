import { describe, expect, it } from 'vitest';
import { BACKUP_NAME, backupKind, backupName, backupsToPrune } from './backup-names.ts';

describe('backup names', () => {
  it('name each kind so it can be told apart, and every name is a backup name', () => {
    const at = new Date('2021-07-26T09:30:00Z');
    expect(backupName('daily', at)).toBe('stance-backup-2021-07-26T09-30-00.jsonl');
    expect(backupName('manual', at)).toBe('stance-backup-manual-2021-07-26T09-30-00.jsonl');
    for (const kind of ['daily', 'manual', 'before-restore'] as const) {
      expect(BACKUP_NAME.test(backupName(kind, at))).toBe(true);
      expect(backupKind(backupName(kind, at))).toBe(kind);
    }
  });

  it('keep the newest seven of each kind, so manual backups never push out daily ones', () => {
    const list = [
      ...Array.from({ length: 7 }, (_, i) => ({
        name: backupName('daily', new Date(Date.UTC(2021, 6, 1 + i))),
        modifiedAt: i,
      })),
      ...Array.from({ length: 9 }, (_, i) => ({
        name: backupName('manual', new Date(Date.UTC(2021, 6, 20, i))),
        modifiedAt: 100 + i,
      })),
    ];
    const gone = backupsToPrune(list);
    expect(gone).toEqual([list[8]!.name, list[7]!.name]);
  });
});
