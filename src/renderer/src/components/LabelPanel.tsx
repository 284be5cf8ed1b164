/** The label set with hotkeys and definitions. */
import { useLabels } from '../hooks/useLabels.ts';

export function LabelPanel(): React.JSX.Element {
  const labels = useLabels();
  return (
    <section aria-labelledby="labels-heading">
      <h2 id="labels-heading">Labels</h2>
      <ul className="labels" aria-label="Labels">
        {labels.map((l) => (
          <li key={l.key} className="label-item" title={l.definition}>
            <span className="swatch" style={{ background: l.color }} aria-hidden="true" />
            {l.hotkey !== null && <kbd aria-label={`hotkey ${l.hotkey}`}>{l.hotkey}</kbd>}
            <span className="label-key">{l.key}</span>
            <span className="label-ar" lang="ar" dir="rtl">
              {l.nameAr}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
