/**
 * Picks the host implementation: the preload bridge when running in the
 * desktop app, the browser host otherwise. The rest of the renderer only
 * ever talks to `host`.
 */
import { HOST_GLOBAL, type Host } from '@core/host-contract.ts';
import { createBrowserHost } from './browser-host.ts';

declare global {
  interface Window {
    /** Set by the desktop preload; absent in a plain browser. */
    stanceHost?: Host;
  }
}

/** The host of this renderer. */
export const host: Host = window[HOST_GLOBAL as 'stanceHost'] ?? createBrowserHost();
