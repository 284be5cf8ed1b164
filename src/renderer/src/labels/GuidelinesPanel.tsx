/** The annotation guidelines in view: each label's definition and examples. */
import { useLabels } from '../hooks/useLabels.ts';
import { useT } from '../i18n/T.tsx';

export function GuidelinesPanel(): React.JSX.Element {
  const labels = useLabels();
  const t = useT();
  return (
    <details className="guidelines">
      <summary>{t('guidelines.title')}</summary>
      <dl aria-label={t('guidelines.title')}>
        {labels.map((l) => (
          <div key={l.key} className="guideline">
            <dt>
              <span className="swatch" style={{ background: l.color }} aria-hidden="true" />{' '}
              <bdi>{l.name}</bdi>{' '}
              <span lang="ar" dir="rtl">
                ({l.nameAr})
              </span>
            </dt>
            <dd>
              <p>{l.definition}</p>
              {l.examples.length > 0 && (
                <ul aria-label={t('guidelines.examplesOf', { name: l.name })}>
                  {l.examples.map((e) => (
                    <li key={e} lang="ar" dir="rtl">
                      {e}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
