/**
 * The switch between annotating, reviewing one document against colleagues,
 * the agreement dashboard, the Analysis view (actors/) and the team view. Rendered by Workbench; the review modes
 * replace the reading pane's content.
 */
import type { MessageId } from '../i18n/catalogs.ts';
import { useT } from '../i18n/T.tsx';
import './review.css';
import './dashboard.css';
import './dashboard-plot.css';
import './passage-side.css';

export type WorkbenchMode = 'annotate' | 'review' | 'agreement' | 'analysis' | 'team';

const MODES: { id: WorkbenchMode; name: MessageId }[] = [
  { id: 'annotate', name: 'mode.annotate' },
  { id: 'review', name: 'mode.review' },
  { id: 'agreement', name: 'mode.agreement' },
  { id: 'analysis', name: 'mode.analysis' },
  { id: 'team', name: 'mode.team' },
];

export function ModeTabs({
  mode,
  onChange,
  onIntent,
}: {
  mode: WorkbenchMode;
  onChange: (m: WorkbenchMode) => void;
  /** The analyst points at or focuses a tab: its view can start loading. */
  onIntent?: (m: WorkbenchMode) => void;
}): React.JSX.Element {
  const t = useT();
  return (
    <div role="tablist" aria-label={t('mode.label')} className="mode-tabs">
      {MODES.map((m) => (
        <button
          key={m.id}
          type="button"
          role="tab"
          aria-selected={mode === m.id}
          className={mode === m.id ? 'mode-tab active' : 'mode-tab'}
          onClick={() => onChange(m.id)}
          onPointerEnter={() => onIntent?.(m.id)}
          onFocus={() => onIntent?.(m.id)}
        >
          {t(m.name)}
        </button>
      ))}
    </div>
  );
}
