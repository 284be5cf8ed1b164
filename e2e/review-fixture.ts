// FIXTURE ONLY: puts two colleagues' annotations of two Arabic articles
// straight into the profile's IndexedDB with the raw indexedDB API, standing
// in for the dataset import until that UI is merged. Tests then drive the
// review UI by role and name only. Offsets: these texts are all in the BMP,
// so UTF-16 indexes equal code points.
import type { Page } from '@playwright/test';

export const ARTICLE_1 = {
  title: 'الحوار الاستراتيجي وجدول الانسحاب',
  text:
    'أعلن رئيس الوزراء العراقي أن الحوار الاستراتيجي مع الولايات المتحدة سيحدد جدولا زمنيا لانسحاب القوات القتالية. ' +
    'وقال إنه لا حاجة لوجود قوات قتالية أجنبية على الأراضي العراقية بعد اليوم. ' +
    'في المقابل، أكد مسؤولون في التحالف الدولي استمرار دعم التحالف في مجالات التدريب والاستشارة. ' +
    'وأبدى نواب أكراد قلقهم من أن الانسحاب سيترك فراغا أمنيا في المناطق المتنازع عليها.',
};
export const ARTICLE_2 = {
  title: 'بيان مشترك بعد الجولة الرابعة',
  text:
    'صدر بيان مشترك في ختام الجولة الرابعة من الحوار. ' +
    'وأكد البيان أن المهمة القتالية للتحالف ستنتهي بحلول نهاية العام.',
};

export const W = 'لا حاجة لوجود قوات قتالية أجنبية على الأراضي العراقية';
export const W_SHORT = 'لا حاجة لوجود قوات قتالية أجنبية';
export const C = 'استمرار دعم التحالف في مجالات التدريب والاستشارة';
export const K = 'الانسحاب سيترك فراغا أمنيا في المناطق المتنازع عليها';
export const X = 'المهمة القتالية للتحالف ستنتهي بحلول نهاية العام';

type Ann = [doc: 1 | 2, phrase: string, label: string];

/** Who tagged what (self is the analyst created at first run). */
export const ANNOTATIONS: Record<string, Ann[]> = {
  self: [
    [1, W, 'pro-withdrawal'],
    [1, C, 'pro-coalition'],
    [2, X, 'pro-withdrawal'],
  ],
  'Ahmad-Kareem': [
    [1, W, 'pro-withdrawal'],
    [1, C, 'pro-coalition'],
    [1, K, 'kurdish-skepticism'],
    [2, X, 'pro-withdrawal'],
  ],
  'Sara-Ali': [
    [1, W_SHORT, 'pro-withdrawal'],
    [1, C, 'pro-withdrawal'],
    [1, K, 'kurdish-skepticism'],
    [2, X, 'pro-withdrawal'],
  ],
};

/** Seeds the fixture into the open profile, then reloads so the app reads it. */
export async function seedColleagues(page: Page, selfId: string): Promise<void> {
  await page.evaluate(
    async ({ articles, annotations, selfId }) => {
      const sha = async (t: string): Promise<string> =>
        [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t)))]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
      const ids = await Promise.all(articles.map((a) => sha(a.text)));
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('stance-workbench');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction(['documents', 'annotators', 'spans', 'statuses'], 'readwrite');
      articles.forEach((a, i) =>
        tx.objectStore('documents').put({
          id: ids[i],
          text: a.text,
          rawText: a.text,
          textSource: 'clean',
          removed: [],
          title: a.title,
          date: null,
          author: null,
          outlet: null,
          file: 'fixture',
          importedAt: Date.now(),
          folded: `${a.title}\n${a.text}`,
        }),
      );
      for (const [who, list] of Object.entries(annotations)) {
        const annotatorId = who === 'self' ? selfId : who;
        if (who !== 'self')
          tx.objectStore('annotators').put({
            id: who,
            name: who.replace('-', ' '),
            kind: 'colleague',
            createdAt: 0,
          });
        for (const docNo of [1, 2]) {
          tx.objectStore('statuses').put({
            docId: ids[docNo - 1],
            annotatorId,
            status: 'done',
            docStance: null,
            updatedAt: 0,
          });
        }
        for (const [docNo, phrase, label] of list) {
          const text = articles[docNo - 1]!.text;
          const start = text.indexOf(phrase);
          tx.objectStore('spans').put({
            id: crypto.randomUUID(),
            docId: ids[docNo - 1],
            annotatorId,
            label,
            start,
            end: start + phrase.length,
            quote: phrase,
            holder: null,
            note: null,
            createdAt: 0,
            updatedAt: 0,
          });
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { articles: [ARTICLE_1, ARTICLE_2], annotations: ANNOTATIONS, selfId },
  );
  await page.reload();
}
