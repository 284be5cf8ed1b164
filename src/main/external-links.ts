/**
 * Opens a link in the system browser, for the host contract's openExternal
 * and for `window.open`: only a public http(s) link (external-url.ts), and
 * only after the analyst confirms in a native dialog that names its host.
 * Cancel is the default button, so Enter or Esc opens nothing.
 */
import { dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { classifyExternalUrl } from './external-url.ts';
import { mainText } from './ui-language.ts';

/** Shortens what a hostile page may have put in a URL before it is shown. */
function shown(url: string): string {
  return JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}…` : url);
}

/** The confirmation dialog for opening `href` on `host`, in the interface language. */
export function confirmOptions(href: string, host: string): MessageBoxOptions {
  return {
    type: 'question',
    title: mainText('main.openLinkTitle'),
    message: mainText('main.openLinkMessage', { host }),
    detail: mainText('main.openLinkDetail', { host, href }),
    buttons: [mainText('main.cancel'), mainText('main.openInBrowser')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/**
 * Opens `url` in the system browser once the analyst confirms. Resolves to
 * whether it was opened; rejects, opening nothing, for a refused link.
 */
export async function openExternalConfirmed(
  url: string,
  parent: BrowserWindow | null,
): Promise<boolean> {
  const verdict = classifyExternalUrl(url);
  if (!verdict.ok) throw new Error(`refused to open ${shown(url)}: ${verdict.reason}`);
  const options = confirmOptions(verdict.href, verdict.host);
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  if (response !== 1) return false;
  await shell.openExternal(verdict.href);
  return true;
}
