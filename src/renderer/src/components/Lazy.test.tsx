// Runs in real Chromium: a part loaded on demand shows a status while its
// chunk loads, then itself; a chunk that cannot be loaded is named in an
// alert in its place (not a blank window); an error the part throws while
// rendering is not mistaken for a loading failure.
import { describe, expect, it, vi } from 'vitest';
import { Component, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { CATALOGS } from '../i18n/catalogs.ts';
import { hostPerTest } from '../test/host.tsx';
import { Lazy, lazyPart } from './Lazy.tsx';

const page = hostPerTest();

function render(node: ReactNode): void {
  page.render(
    <IntlProvider locale="en" messages={CATALOGS.en}>
      {node}
    </IntlProvider>,
  );
}

/** Resolves once `check` passes (React renders asynchronously). */
async function until(check: () => void): Promise<void> {
  await vi.waitFor(check, { timeout: 10_000, interval: 10 });
}

function Part({ name }: { name: string }): React.JSX.Element {
  return <h2>{name}</h2>;
}

describe('Lazy', () => {
  it('holds the view with a status, then shows the part', async () => {
    let release!: () => void;
    const loaded = new Promise<{ Part: typeof Part }>((resolve) => {
      release = () => resolve({ Part });
    });
    const View = lazyPart(
      () => loaded,
      (m) => m.Part,
    );
    render(
      <Lazy kind="view">
        <View name="Analysis" />
      </Lazy>,
    );
    await until(() =>
      expect(page.el.querySelector('[role="status"]')?.textContent).toBe('Loading this view…'),
    );
    release();
    await until(() => expect(page.el.querySelector('h2')?.textContent).toBe('Analysis'));
    expect(page.el.querySelector('[role="status"]')).toBeNull();
  });

  it('names a chunk that cannot be loaded in an alert in its place', async () => {
    const Broken = lazyPart(
      () =>
        Promise.reject(
          new TypeError('Failed to fetch dynamically imported module: ExportDialog-x.js'),
        ),
      (m: { Part: typeof Part }) => m.Part,
    );
    render(
      <Lazy kind="dialog">
        <Broken name="Export" />
      </Lazy>,
    );
    await until(() =>
      expect(page.el.querySelector('[role="alert"]')?.textContent).toBe(
        'This part of the workbench could not be loaded: an unexpected error (Failed to fetch dynamically imported module: ExportDialog-x.js). Reload the window to try again.',
      ),
    );
  });

  it('passes an error of the part itself on to the boundary above', async () => {
    const Throws = (): React.JSX.Element => {
      throw new Error('a bug in the part');
    };
    const View = lazyPart(
      async () => ({ Throws }),
      (m) => m.Throws,
    );
    const caught: unknown[] = [];
    class Outer extends Component<{ children: ReactNode }, { failed: boolean }> {
      override state = { failed: false };
      static getDerivedStateFromError(): { failed: boolean } {
        return { failed: true };
      }
      override componentDidCatch(err: unknown): void {
        caught.push(err);
      }
      override render(): ReactNode {
        return this.state.failed ? <p>outer caught it</p> : this.props.children;
      }
    }
    render(
      <Outer>
        <Lazy kind="view">
          <View />
        </Lazy>
      </Outer>,
    );
    await until(() => expect(page.el.textContent).toBe('outer caught it'));
    expect((caught[0] as Error).message).toBe('a bug in the part');
    expect(page.el.querySelector('[role="alert"]')).toBeNull();
  });
});
