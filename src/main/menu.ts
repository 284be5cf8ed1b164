/**
 * The application menu: the platform's standard roles and shortcuts. The
 * View menu offers reload and DevTools (and their shortcuts, Ctrl+R and
 * Ctrl+Shift+I) only in development: a packaged app has no menu item that
 * opens DevTools or reloads over unsaved work.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '../core/i18n/locale.ts';
import { mainText } from './ui-language.ts';

/** The menus' names in each interface language (the renderer's catalogs). */
function menuLabels(lang: UiLanguage): Record<'file' | 'edit' | 'view' | 'window', string> {
  return {
    file: mainText('menu.file', undefined, lang),
    edit: mainText('menu.edit', undefined, lang),
    view: mainText('menu.view', undefined, lang),
    window: mainText('menu.window', undefined, lang),
  };
}

/** The menu template for a packaged (`isPackaged`) or development build. */
export function menuTemplate(
  isPackaged: boolean,
  platform: NodeJS.Platform = process.platform,
  lang: UiLanguage = 'en',
): MenuItemConstructorOptions[] {
  const label = menuLabels(lang);
  const develop: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
      ];
  const view: MenuItemConstructorOptions = {
    label: label.view,
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
    { role: 'fileMenu', label: label.file },
    { role: 'editMenu', label: label.edit },
    view,
    { role: 'windowMenu', label: label.window },
  ];
}

/** Builds and installs the application menu, its names in `lang`. */
export function installMenu(isPackaged: boolean, lang: UiLanguage = 'en'): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(isPackaged, process.platform, lang)));
}
