/**
 * The switch between annotating, reviewing one document against colleagues,
 * and the agreement dashboard. Rendered by Workbench; the review modes
 * replace the reading pane's content.
 */
import './review.css';

export type WorkbenchMode = 'annotate' | 'review' | 'agreement' | 'team';

const MODES: { id: WorkbenchMode; name: string }[] = [
  { id: 'annotate', name: 'Annotate' },
  { id: 'review', name: 'Review' },
  { id: 'agreement', name: 'Agreement' },
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
