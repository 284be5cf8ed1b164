/**
 * The application menu: the platform's standard roles and shortcuts. The
 * View menu offers reload and DevTools (and their shortcuts, Ctrl+R and
 * Ctrl+Shift+I) only in development: a packaged app has no menu item that
 * opens DevTools or reloads over unsaved work.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import en from '../core/i18n/messages/en.json';
import ar from '../core/i18n/messages/ar.json';
import type { UiLanguage } from '../core/i18n/locale.ts';

/** The menus' names in each interface language (the renderer's catalogs). */
function menuLabels(lang: UiLanguage): Record<'file' | 'edit' | 'view' | 'window', string> {
  const c = lang === 'ar' ? ar : en;
  return {
    file: c['menu.file'],
    edit: c['menu.edit'],
    view: c['menu.view'],
    window: c['menu.window'],
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
