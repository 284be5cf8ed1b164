/**
 * The frame of a part of the workbench loaded on demand (React.lazy): its
 * placeholder while the chunk is fetched (components/Loading.tsx) and, if
 * the chunk cannot be loaded (a damaged install, a file missing from the
 * build), an alert saying so in place of the part, instead of a blank window.
 */
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { describeError } from '@core/errors.ts';
import { T, useT } from '../i18n/T.tsx';
import { errorWords } from '../i18n/problems.ts';
import { DialogLoading, ViewLoading } from './Loading.tsx';

/** A chunk that could not be fetched or evaluated (not an error of the part itself). */
class PartLoadError extends Error {
  override name = 'PartLoadError';
}

/**
 * React.lazy for a named export: `lazyPart(() => import('./X.tsx'), (m) => m.X)`.
 * A failure to load the chunk is marked, so <Lazy> shows it in place; an
 * error the part itself throws while rendering is not caught there.
 */
export function lazyPart<M, P extends object>(
  load: () => Promise<M>,
  pick: (m: M) => ComponentType<P>,
): ComponentType<P> {
  return lazy(() =>
    load().then(
      (m) => ({ default: pick(m) }),
      (err: unknown) => {
        throw new PartLoadError(describeError(err), { cause: err });
      },
    ),
  );
}

interface LazyProps {
  /** A view fills its region while it loads; a dialog shows nothing. */
  kind: 'view' | 'dialog';
  children: ReactNode;
}

/** Suspense with the workbench's placeholder and a failure in place. */
export function Lazy({ kind, children }: LazyProps): React.JSX.Element {
  return (
    <LoadBoundary>
      <Suspense fallback={kind === 'view' ? <ViewLoading /> : <DialogLoading />}>
        {children}
      </Suspense>
    </LoadBoundary>
  );
}

class LoadBoundary extends Component<{ children: ReactNode }, { failed: unknown }> {
  override state: { failed: unknown } = { failed: null };

  static getDerivedStateFromError(failed: unknown): { failed: unknown } {
    return { failed: failed ?? new Error('unknown error') };
  }

  override render(): ReactNode {
    const { failed } = this.state;
    if (failed === null) return this.props.children;
    // Not a loading failure: passed on, as if this boundary were not here.
    if (!(failed instanceof PartLoadError)) throw failed;
    return (
      <p role="alert" className="load-failed">
        <LoadFailed err={failed.cause ?? failed} />
      </p>
    );
  }
}

/** Why a part could not be loaded, in the interface language (the error's own text as its detail). */
function LoadFailed({ err }: { err: unknown }): React.JSX.Element {
  const t = useT();
  return <T id="app.loadFailed" values={{ reason: errorWords(t, err) }} />;
}
