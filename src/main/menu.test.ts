// A packaged app's menus hold no way into DevTools and no reload; a
// development build keeps them.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: {} }));
const { menuTemplate } = await import('./menu.ts');

/** Every role anywhere in the template, submenus included. */
function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [
    ...(i.role ? [i.role] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
  ]);
}

const DEV_ONLY = ['toggleDevTools', 'reload', 'forceReload'];

describe('application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has no DevTools or reload when packaged (${platform})`, () => {
      const packaged = roles(menuTemplate(true, platform));
      for (const role of DEV_ONLY) expect(packaged).not.toContain(role);
      // The menus whose roles would bring DevTools back are not used either.
      expect(packaged).not.toContain('viewMenu');
      expect(packaged).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu']));
      expect(packaged).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'togglefullscreen']));
    });
  }

  it('keeps DevTools and reload in development', () => {
    expect(roles(menuTemplate(false, 'linux'))).toEqual(expect.arrayContaining(DEV_ONLY));
  });

  it('names its menus in the system language, from the same catalogs as the window', () => {
    const names = (lang: 'en' | 'ar'): (string | undefined)[] =>
      menuTemplate(true, 'linux', lang).map((i) => i.label);
    expect(names('en')).toEqual(['File', 'Edit', 'View', 'Window']);
    expect(names('ar')).toEqual(['ملف', 'تحرير', 'عرض', 'نافذة']);
  });

  it('adds the app menu on macOS only', () => {
    expect(roles(menuTemplate(true, 'darwin'))[0]).toBe('appMenu');
    expect(roles(menuTemplate(true, 'linux'))).not.toContain('appMenu');
  });
});
