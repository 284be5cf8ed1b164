// Automatic backups on real IndexedDB, through the browser host.
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import type { BackupInfo } from '@core/host-contract.ts';
import { backupIfDue } from './auto-backup.ts';
import { backupName } from '@core/backup-names.ts';
import { createDb, type WorkbenchDb } from './schema.ts';

let db: WorkbenchDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

/** A host that keeps backups in memory, as the real hosts keep them on disk. */
function memoryHost() {
  const kept = new Map<string, { data: string; modifiedAt: number }>();
  let clock = 0;
  return {
    kept,
    setClock: (t: number) => (clock = t),
    backupList: async (): Promise<BackupInfo[]> =>
      [...kept].map(([name, b]) => ({ name, size: b.data.length, modifiedAt: b.modifiedAt })),
    backupWrite: async (name: string, data: string): Promise<BackupInfo> => {
      kept.set(name, { data, modifiedAt: clock });
      return { name, size: data.length, modifiedAt: clock };
    },
  };
}

describe('automatic daily backup', () => {
  it('keeps one backup a day, only once the profile holds data', async () => {
    db = createDb(`auto-${crypto.randomUUID()}`);
    const host = memoryHost();
    const monday = new Date(2021, 6, 26, 9, 0);
    host.setClock(monday.getTime());
    expect(await backupIfDue(db, host, monday)).toBeNull();

    await db.documents.put(
      await buildDocumentRecord({ text: 'الحوار الاستراتيجي بين العراق والولايات المتحدة' }),
    );
    const first = await backupIfDue(db, host, monday);
    expect(first?.name).toMatch(/^stance-backup-2021-07-2\dT\d\d-00-00\.jsonl$/);
    const later = new Date(2021, 6, 26, 17, 0);
    host.setClock(later.getTime());
    expect(await backupIfDue(db, host, later)).toBeNull();

    const tuesday = new Date(2021, 6, 27, 8, 0);
    host.setClock(tuesday.getTime());
    expect(await backupIfDue(db, host, tuesday)).not.toBeNull();
    expect(host.kept.size).toBe(2);

    // A backup kept by hand does not stand in for the daily one.
    const wednesday = new Date(2021, 6, 28, 8, 0);
    host.setClock(wednesday.getTime());
    await host.backupWrite(backupName('manual', wednesday), 'by hand');
    expect((await backupIfDue(db, host, wednesday))?.name).toMatch(/^stance-backup-2021-07-2/);
    const text = [...host.kept.values()][1]!.data;
    expect(text).toContain('الحوار الاستراتيجي');
  });
});
