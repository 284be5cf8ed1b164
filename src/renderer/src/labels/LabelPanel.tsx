/**
 * The label set with hotkeys and definitions. Clicking a label applies it
 * to the selection (or relabels the selected span); hovering shows its
 * definition and examples.
 */
import { useState } from 'react';
import type { LabelDef } from '@core/model.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { applyLabel, useSession } from '../annotate/session.ts';
import { patternOf } from '../annotate/label-patterns.ts';
import '../annotate/reading-pane.css';
import { useT, type Translate } from '../i18n/T.tsx';
import './labels.css';
import { Lazy, lazyPart } from '../components/Lazy.tsx';

// Loaded on demand, the first time it opens (docs/architecture.md, What loads when).
const LabelEditor = lazyPart(
  () => import('./LabelEditor.tsx'),
  (m) => m.LabelEditor,
);

/** The hover text of a label: definition and examples. */
export function guidelineText(l: LabelDef, t: Translate): string {
  const examples = l.examples.map((e) => `• ${e}`).join('\n');
  return `${l.name} (${l.nameAr}): ${l.definition}${examples ? `\n${t('labels.examples')}\n${examples}` : ''}`;
}

export function LabelPanel(): React.JSX.Element {
  const labels = useLabels();
  const { sticky } = useSession();
  const [editing, setEditing] = useState(false);
  const t = useT();
  return (
    <section aria-labelledby="labels-heading">
      <h2 id="labels-heading">{t('labels.title')}</h2>
      <ul className="labels" aria-label={t('labels.title')}>
        {labels.map((l) => (
          <li key={l.key} className="label-item" title={guidelineText(l, t)}>
            <button
              type="button"
              className="label-button"
              aria-pressed={sticky === l.key ? true : undefined}
              onClick={() => applyLabel(l.key)}
            >
              <span className="swatch" style={{ background: l.color }} aria-hidden="true" />
              <span
                className={`pattern-sample pattern-${patternOf(labels, l.key)}`}
                style={{ '--c': l.color } as React.CSSProperties}
                aria-hidden="true"
              />
              {l.hotkey !== null && (
                <kbd aria-label={t('labels.hotkey', { key: l.hotkey })}>{l.hotkey}</kbd>
              )}
              <bdi className="label-key">{l.key}</bdi>
              <span className="label-ar" lang="ar" dir="rtl">
                {l.nameAr}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="label-edit-button" onClick={() => setEditing(true)}>
        {t('labels.edit')}
      </button>
      <Lazy kind="dialog">
        {editing && <LabelEditor labels={labels} onClose={() => setEditing(false)} />}
      </Lazy>
    </section>
  );
}
