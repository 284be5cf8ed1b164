/**
 * Says which tokens the token-level figures rest on (core's one rule,
 * docs/agreement.md "Tokens"): the datasets' own tokens where every
 * annotator's file brought the same ones, else the workbench tokenizer.
 */
import type { FullReport } from '@core/agreement/report.ts';
import type { Units } from '@core/agreement/tallies.ts';
import { annotatorPairs, pairFigure } from '@core/agreement/types.ts';
import { T, useT, type Translate } from '../i18n/T.tsx';

function sourceText(u: Units, t: Translate): string {
  const { dataset, workbench } = u.token_source;
  if (u.documents === 0) return t('tokens.noDoc');
  if (workbench === 0) return t('tokens.files', { n: dataset });
  if (dataset === 0) return t('tokens.workbench', { n: workbench });
  return t('tokens.mixed', { dataset, workbench });
}

export function TokenBasisNote({
  report,
  nameOf,
}: {
  report: FullReport;
  nameOf: (id: string) => string;
}): React.JSX.Element {
  const t = useT();
  const pairs = annotatorPairs(report.annotators).map(
    ([a, b]) => [a, b, pairFigure(report.units.pairs, a, b)!] as const,
  );
  const same = pairs.every(
    ([, , u]) =>
      u.token_source.dataset === report.units.alpha.token_source.dataset &&
      u.token_source.workbench === report.units.alpha.token_source.workbench,
  );
  return (
    <div className="token-basis" role="note" aria-label={t('tokens.label')}>
      <p>
        <T
          id="tokens.note"
          values={{
            source: sourceText(report.units.alpha, t),
            tokens: report.units.alpha.tokens,
            b: (c) => <strong>{c}</strong>,
          }}
        />
      </p>
      {!same && (
        <ul>
          {pairs.map(([a, b, u], i) => (
            <li key={i}>
              {t('tokens.pair', { a: nameOf(a), b: nameOf(b), source: sourceText(u, t) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
