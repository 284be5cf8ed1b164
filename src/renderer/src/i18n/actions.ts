/** Changing the interface language and digits, bound to the app's database. */
import { db } from '../db/db.ts';
import type { DigitStyle, UiLanguage } from '@core/i18n/locale.ts';
import { writeDigits, writeLanguage } from './ui-prefs.ts';

/** Switches the interface language (remembered in the profile's settings). */
export function chooseLanguage(lang: UiLanguage): Promise<void> {
  return writeLanguage(db, lang);
}

/** Switches between Western and Arabic-Indic digits (remembered). */
export function chooseDigits(digits: DigitStyle): Promise<void> {
  return writeDigits(db, digits);
}
