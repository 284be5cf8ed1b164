/**
 * The workbench's views that the first screen does not show, loaded on
 * demand: Review and the agreement dashboard, Analysis, and the team view
 * each come in a chunk of their own the first time their tab is opened (or
 * pointed at: `preloadMode`). See docs/architecture.md, What loads when.
 */
import { lazyPart } from '../components/Lazy.tsx';
import type { WorkbenchMode } from '../review/ModeTabs.tsx';

const loaders = {
  review: () => import('../review/ReviewArea.tsx'),
  analysis: () => import('../actors/AnalysisView.tsx'),
  team: () => import('../team/TeamView.tsx'),
};

/** Review of one document and the agreement dashboard. */
export const ReviewArea = lazyPart(loaders.review, (m) => m.ReviewArea);
/** The Analysis view (actors/). */
export const AnalysisView = lazyPart(loaders.analysis, (m) => m.AnalysisView);
/** The team view: progress, assignments, conflicts. */
export const TeamView = lazyPart(loaders.team, (m) => m.TeamView);

/** Starts loading a mode's view (the analyst points at or focuses its tab). */
export function preloadMode(mode: WorkbenchMode): void {
  const load =
    mode === 'review' || mode === 'agreement'
      ? loaders.review
      : mode === 'analysis'
        ? loaders.analysis
        : mode === 'team'
          ? loaders.team
          : null;
  // A failed preload is retried by the view itself, which reports it.
  load?.().catch(() => undefined);
}
