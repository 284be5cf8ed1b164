/**
 * The security policy of every window, kept apart from Electron calls so
 * that unit tests can assert it (see Electron's security checklist and
 * electron/fiddle's windows.ts).
 */

/** webPreferences for every BrowserWindow, minus the preload path. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/**
 * True when an IPC message comes from our own renderer: the main frame of a
 * page served from the packaged index.html (file://) or, in development,
 * from the electron-vite dev server origin.
 */
export function isTrustedSender(
  frameUrl: string | undefined,
  isMainFrame: boolean,
  rendererFileUrl: string,
  devServerUrl: string | undefined,
): boolean {
  if (!frameUrl || !isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (devServerUrl) {
    try {
      if (url.origin === new URL(devServerUrl).origin) return true;
    } catch {
      return false;
    }
  }
  const expected = new URL(rendererFileUrl);
  return url.protocol === 'file:' && url.pathname === expected.pathname;
}
