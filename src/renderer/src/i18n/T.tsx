/**
 * Typed access to the catalogs: `useT()` gives a function from a message
 * id (a key of messages/en.json, checked by TypeScript) and its values to
 * the text in the interface language; `<T id values />` does the same in
 * JSX and accepts elements as values (for <bdi> around names).
 */
import { useMemo, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from './catalogs.ts';

/** Values of a message: numbers are formatted by the message (`{n, number}`, plurals). */
export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** Formats message `id` with `values` in the interface language. */
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** The translate function of the current language (the same function until the language changes). */
export function useT(): Translate {
  const intl = useIntl();
  return useMemo(() => (id, values) => intl.formatMessage({ id }, values), [intl]);
}

/** A message in JSX; values may be elements (e.g. `<bdi>{name}</bdi>`). */
export function T({
  id,
  values,
}: {
  id: MessageId;
  values?: Record<string, ReactNode | Date | ((chunks: ReactNode[]) => ReactNode)>;
}): React.JSX.Element {
  return <FormattedMessage id={id} values={values} />;
}
