/**
 * The message catalogs, one JSON file per language (ICU message syntax).
 * English is the reference: its keys are the message ids the code may use,
 * and the Arabic catalog must have exactly the same keys (catalogs.test.ts).
 * The Electron main process reads the same files for its menus.
 */
import en from '@core/i18n/messages/en.json';
import ar from '@core/i18n/messages/ar.json';
import type { UiLanguage } from '@core/i18n/locale.ts';

/** Every message id (a key of the English catalog). */
export type MessageId = keyof typeof en;

/** The catalog of each language. */
export const CATALOGS: Record<UiLanguage, Record<MessageId, string>> = {
  en,
  ar: ar as Record<MessageId, string>,
};
