/**
 * The switch between annotating, reviewing one document against colleagues,
 * the agreement dashboard, the Analysis view (actors/) and the team view. Rendered by Workbench; the review modes
 * replace the reading pane's content.
 */
import './review.css';

export type WorkbenchMode = 'annotate' | 'review' | 'agreement' | 'analysis' | 'team';

const MODES: { id: WorkbenchMode; name: string }[] = [
  { id: 'annotate', name: 'Annotate' },
  { id: 'review', name: 'Review' },
  { id: 'agreement', name: 'Agreement' },
  { id: 'analysis', name: 'Analysis' },
  { id: 'team', name: 'Team' },
];

export function ModeTabs({
  mode,
  onChange,
}: {
  mode: WorkbenchMode;
  onChange: (m: WorkbenchMode) => void;
}): React.JSX.Element {
  return (
    <div role="tablist" aria-label="Workbench mode" className="mode-tabs">
      {MODES.map((m) => (
        <button
          key={m.id}
          type="button"
          role="tab"
          aria-selected={mode === m.id}
          className={mode === m.id ? 'mode-tab active' : 'mode-tab'}
          onClick={() => onChange(m.id)}
        >
          {m.name}
        </button>
      ))}
    </div>
  );
}
