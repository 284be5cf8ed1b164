/**
 * What shows while a view or a dialog loaded on demand (React.lazy, see
 * docs/architecture.md, What loads when) is fetched: a status assistive
 * technology announces. A view's placeholder fills the region the view will
 * fill, so nothing around it moves when it arrives; a dialog's is visually
 * hidden (the dialog itself appears over the page a moment later).
 */
import { T } from '../i18n/T.tsx';

/** The placeholder of a view loading on demand, filling the view's region. */
export function ViewLoading(): React.JSX.Element {
  return (
    <div className="view-loading" role="status" aria-busy="true">
      <T id="app.loadingView" />
    </div>
  );
}

/** The announcement of a dialog loading on demand (nothing visible). */
export function DialogLoading(): React.JSX.Element {
  return (
    <span className="visually-hidden" role="status">
      <T id="app.loadingDialog" />
    </span>
  );
}
