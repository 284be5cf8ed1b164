/**
 * One page element per test for the component tests of the browser project:
 * a fresh host attached to the document before each test, React mounted
 * into it on demand, and both unmounted and removed after the test, so no
 * test sees another's DOM. Replaces the same set-up written out in each
 * component test.
 */
import { afterEach, beforeEach } from 'vitest';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ReactNode } from 'react';

/** The current test's host element and what renders into it. */
export interface TestHost {
  /** The element React renders into, attached to `document.body`. */
  readonly el: HTMLElement;
  /** Renders `node` into the host (mounting a root first if none is mounted). */
  render(node: ReactNode): void;
  /** The same, synchronously (flushSync), for a test that reads the DOM at once. */
  renderNow(node: ReactNode): void;
  /** Unmounts what is rendered (the host stays); a later `render` mounts again. */
  unmount(): void;
}

/**
 * Registers the per-test host: call once at the top of a test file, then
 * use the returned object inside tests and hooks.
 */
export function hostPerTest(): TestHost {
  let el: HTMLElement | null = null;
  let root: Root | null = null;
  const host = (): HTMLElement => {
    if (!el) throw new Error('hostPerTest: the host exists only while a test runs');
    return el;
  };
  const rootOf = (): Root => (root ??= createRoot(host()));
  const unmount = (): void => {
    root?.unmount();
    root = null;
  };
  beforeEach(() => {
    el = document.createElement('div');
    document.body.append(el);
  });
  afterEach(() => {
    unmount();
    el?.remove();
    el = null;
  });
  return {
    get el() {
      return host();
    },
    render: (node) => rootOf().render(node),
    renderNow: (node) => {
      const r = rootOf();
      flushSync(() => r.render(node));
    },
    unmount,
  };
}
