/**
 * The interface language in the main process: what the native menus and
 * dialogs (open, export, "open this link?") are named in. It starts as the
 * system's and follows the analyst's choice, which the renderer sends over
 * the host contract's setUiLanguage. The texts come from the renderer's
 * own catalogs (core/i18n/messages), formatted with FormatJS's ICU
 * formatter, so both processes say the same thing in the same words.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import en from '../core/i18n/messages/en.json';
import ar from '../core/i18n/messages/ar.json';
import type { UiLanguage } from '../core/i18n/locale.ts';

/** The catalog keys the main process uses. */
export type MainMessageId =
  | 'menu.file'
  | 'menu.edit'
  | 'menu.view'
  | 'menu.window'
  | 'main.openDialog'
  | 'main.exportDialog'
  | 'main.filterArticlesDatasets'
  | 'main.filterJsonl'
  | 'main.filterCsv'
  | 'main.filterAll'
  | 'main.migrateMessage'
  | 'main.migrateWhat'
  | 'main.migrateKept'
  | 'main.migrateBackup'
  | 'main.migrateNoBackup'
  | 'main.quit'
  | 'main.startEmpty'
  | 'app.name'
  | 'main.openLinkTitle'
  | 'main.openLinkMessage'
  | 'main.openLinkDetail'
  | 'main.cancel'
  | 'main.openInBrowser';

const CATALOGS: Record<UiLanguage, Record<MainMessageId, string>> = { en, ar };

let current: UiLanguage = 'en';

/** The language the main process names things in. */
export function uiLanguage(): UiLanguage {
  return current;
}

/** Sets the language (the system's at start, then the analyst's choice). */
export function setMainLanguage(lang: UiLanguage): void {
  current = lang;
}

/** Message `id` in `lang` (the current language by default), with `values`. */
export function mainText(
  id: MainMessageId,
  values?: Record<string, string>,
  lang: UiLanguage = current,
): string {
  const text = new IntlMessageFormat(CATALOGS[lang][id], lang).format(values);
  return typeof text === 'string' ? text : String(text);
}
