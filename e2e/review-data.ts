// Two colleagues' annotations of two Arabic articles, as spans JSONL files
// another workbench would export. The texts are all in the BMP, so UTF-16
// indexes equal the code-point offsets the format uses.

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

type Ann = [article: typeof ARTICLE_1, phrase: string, label: string];

/** Ahmad and Sara agree on K and X; disagree on W's extent and on C's label. */
export const COLLEAGUES: Record<string, Ann[]> = {
  'Ahmad Kareem': [
    [ARTICLE_1, W, 'pro-withdrawal'],
    [ARTICLE_1, C, 'pro-coalition'],
    [ARTICLE_1, K, 'kurdish-skepticism'],
    [ARTICLE_2, X, 'pro-withdrawal'],
  ],
  'Sara Ali': [
    [ARTICLE_1, W_SHORT, 'pro-withdrawal'],
    [ARTICLE_1, C, 'pro-withdrawal'],
    [ARTICLE_1, K, 'kurdish-skepticism'],
    [ARTICLE_2, X, 'pro-withdrawal'],
  ],
};

/** The colleague's spans JSONL file: one line per article. */
export function colleagueFile(annotator: string): string {
  return [ARTICLE_1, ARTICLE_2]
    .map((article) => {
      const spans = COLLEAGUES[annotator]!.filter(([a]) => a === article).map(
        ([, phrase, label]) => {
          const start = article.text.indexOf(phrase);
          return { start, end: start + phrase.length, label, text: phrase };
        },
      );
      return JSON.stringify({
        text: article.text,
        spans,
        meta: { title: article.title, status: 'done' },
        _annotator_id: annotator,
      });
    })
    .join('\n');
}
