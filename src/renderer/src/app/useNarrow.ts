/**
 * Whether the window is narrow: below 1000 CSS px wide (1280×720 at 150 %
 * zoom is 853×480). The workbench then shows the document list or the side
 * panel in one column, one at a time (ColumnSwitch), so each gets the
 * column's whole height and the reading pane keeps its width. The width
 * matches the stylesheet's media query (app/layout.css).
 */
import { useSyncExternalStore } from 'react';

/** The media query both this hook and app/layout.css use. */
export const NARROW_QUERY = '(max-width: 1000px)';

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(NARROW_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/** True while the window is narrower than the three-column layout needs. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW_QUERY).matches);
}
