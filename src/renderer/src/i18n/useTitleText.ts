/**
 * A document's title as the interface shows it: its own, or "No title"
 * (in the interface language) when its page or file gave none. Documents
 * never get an invented title (core/document.ts), so every screen that
 * names a document goes through this.
 */
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from './catalogs.ts';

const NO_TITLE: MessageId = 'toolbar.noTitle';

/** The function from a stored title to the title shown; stable while the language is. */
export function useTitleText(): (title: string | null | undefined) => string {
  const intl = useIntl();
  return useCallback(
    (title: string | null | undefined) => title || intl.formatMessage({ id: NO_TITLE }),
    [intl],
  );
}
