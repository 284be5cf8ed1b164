/** The annotation guidelines in view: each label's definition and examples. */
import { useLabels } from '../hooks/useLabels.ts';

export function GuidelinesPanel(): React.JSX.Element {
  const labels = useLabels();
  return (
    <details className="guidelines">
      <summary>Guidelines</summary>
      <dl aria-label="Guidelines">
        {labels.map((l) => (
          <div key={l.key} className="guideline">
            <dt>
              <span className="swatch" style={{ background: l.color }} aria-hidden="true" />{' '}
              {l.name} <span lang="ar">({l.nameAr})</span>
            </dt>
            <dd>
              <p>{l.definition}</p>
              {l.examples.length > 0 && (
                <ul aria-label={`Examples of ${l.name}`}>
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
