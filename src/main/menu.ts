/**
 * The application menu: the platform's standard roles and shortcuts. The
 * View menu offers reload and DevTools (and their shortcuts, Ctrl+R and
 * Ctrl+Shift+I) only in development: a packaged app has no menu item that
 * opens DevTools or reloads over unsaved work.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

/** The menu template for a packaged (`isPackaged`) or development build. */
export function menuTemplate(
  isPackaged: boolean,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const develop: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
      ];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...develop,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
}

/** Builds and installs the application menu. */
export function installMenu(isPackaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(isPackaged)));
}
