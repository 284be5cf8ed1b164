/**
 * The native open and save dialogs' options, worded in the interface
 * language (ui-language.ts): their titles and the names of their file-type
 * filters ("JSONL files", "All files"). Kept apart from the IPC handlers so
 * the wording is tested without Electron.
 */
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { UiLanguage } from '../core/i18n/locale.ts';
import { mainText, uiLanguage } from './ui-language.ts';

/** The open dialog: articles and datasets, or any file, several at once. */
export function openDialogOptions(lang: UiLanguage = uiLanguage()): OpenDialogOptions {
  return {
    title: mainText('main.openDialog', undefined, lang),
    properties: ['openFile', 'multiSelections'],
    filters: [
      {
        name: mainText('main.filterArticlesDatasets', undefined, lang),
        extensions: ['txt', 'html', 'htm', 'jsonl', 'json'],
      },
      { name: mainText('main.filterAll', undefined, lang), extensions: ['*'] },
    ],
  };
}

/**
 * The save dialog of an export named `suggestedName`: a filter for its own
 * type (JSONL or CSV) first, then any file.
 */
export function saveDialogOptions(
  suggestedName: string,
  lang: UiLanguage = uiLanguage(),
): SaveDialogOptions {
  const ext = /\.([a-z0-9]+)$/iu.exec(suggestedName)?.[1]?.toLowerCase();
  const own =
    ext === 'jsonl'
      ? [{ name: mainText('main.filterJsonl', undefined, lang), extensions: ['jsonl'] }]
      : ext === 'csv'
        ? [{ name: mainText('main.filterCsv', undefined, lang), extensions: ['csv'] }]
        : [];
  return {
    title: mainText('main.exportDialog', undefined, lang),
    defaultPath: suggestedName,
    filters: [...own, { name: mainText('main.filterAll', undefined, lang), extensions: ['*'] }],
  };
}
