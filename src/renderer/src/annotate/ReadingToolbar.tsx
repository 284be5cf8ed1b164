/**
 * The reading pane's toolbar: the article title, text size, sticky label,
 * document-level stance, status with "Done & next", undo/redo and the
 * shortcut sheet.
 */
import type { AnnotatorRecord, LabelDef } from '@core/model.ts';
import { setDocStance } from './actions.ts';
import { redo, undo } from './editor.ts';
import { updateSession, useSession } from './session.ts';
import { useStatus } from './useStatus.ts';

export interface ReadingToolbarProps {
  self: AnnotatorRecord;
  docId: string;
  title: string;
  labels: readonly LabelDef[];
  fontSize: number;
  onFontSize: (delta: 1 | -1) => void;
  onShortcuts: () => void;
  onDoneAndNext: () => void;
}

const STATUS_TEXT = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' };

export function ReadingToolbar(props: ReadingToolbarProps): React.JSX.Element {
  const { self, docId, labels } = props;
  const status = useStatus(docId, self.id);
  const { sticky } = useSession();
  return (
    <header className="rp-head">
      <h2 className="rp-title" dir="auto">
        {props.title}
      </h2>
      <div className="rp-tools" role="toolbar" aria-label="Annotation tools">
        <span className="rp-status" aria-label="Status">
          {status ? STATUS_TEXT[status.status] : '…'}
        </span>
        <label>
          Document stance{' '}
          <select
            value={status?.docStance ?? ''}
            onChange={(e) => void setDocStance(docId, self.id, e.target.value || null)}
          >
            <option value="">None</option>
            <option value="neutral">Neutral</option>
            {labels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sticky label{' '}
          <select
            value={sticky ?? ''}
            onChange={(e) => updateSession({ sticky: e.target.value || null })}
          >
            <option value="">Off</option>
            {labels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <span className="rp-group" role="group" aria-label="Text size">
          <button type="button" onClick={() => props.onFontSize(-1)} aria-label="Smaller text">
            A−
          </button>
          <span aria-label="Text size in pixels">{props.fontSize}</span>
          <button type="button" onClick={() => props.onFontSize(1)} aria-label="Larger text">
            A+
          </button>
        </span>
        <button type="button" onClick={() => void undo(docId, self.id)} title="Ctrl+Z">
          Undo
        </button>
        <button type="button" onClick={() => void redo(docId, self.id)} title="Ctrl+Shift+Z">
          Redo
        </button>
        <button type="button" onClick={props.onDoneAndNext} title="Ctrl+Enter">
          Done &amp; next
        </button>
        <button type="button" onClick={props.onShortcuts} aria-label="Keyboard shortcuts" title="?">
          ?
        </button>
      </div>
    </header>
  );
}
