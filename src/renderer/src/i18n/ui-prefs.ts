/**
 * Reading and writing the interface preferences (language, digits) in the
 * settings table. A stored value that is not a known one is ignored, so a
 * damaged setting falls back to the default instead of breaking the UI.
 */
import type { WorkbenchDb } from '../db/schema.ts';
import { getSetting, setSetting } from '../db/settings.ts';
import { asDigits, asLanguage, type DigitStyle, type UiLanguage } from '@core/i18n/locale.ts';

/** The stored choices; undefined where none (or no valid one) is stored. */
export interface UiPrefs {
  lang: UiLanguage | undefined;
  digits: DigitStyle | undefined;
}

/** Reads the stored language and digit style. */
export async function readUiPrefs(db: WorkbenchDb): Promise<UiPrefs> {
  const [lang, digits] = await Promise.all([
    getSetting(db, 'uiLanguage'),
    getSetting(db, 'digits'),
  ]);
  return { lang: asLanguage(lang), digits: asDigits(digits) };
}

/** Stores the interface language. */
export function writeLanguage(db: WorkbenchDb, lang: UiLanguage): Promise<void> {
  return setSetting(db, 'uiLanguage', lang);
}

/** Stores the digit style. */
export function writeDigits(db: WorkbenchDb, digits: DigitStyle): Promise<void> {
  return setSetting(db, 'digits', digits);
}
