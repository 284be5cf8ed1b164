/**
 * Says which tokens the token-level figures rest on (core's one rule,
 * docs/agreement.md "Tokens"): the datasets' own tokens where every
 * annotator's file brought the same ones, else the workbench tokenizer.
 */
import type { FullReport } from '@core/agreement/report.ts';
import type { Units } from '@core/agreement/tallies.ts';
import { annotatorPairs, pairKey } from '@core/agreement/types.ts';

function sourceText(u: Units): string {
  const { dataset, workbench } = u.token_source;
  if (u.documents === 0) return 'no document yet';
  if (workbench === 0) return `the files' own tokens (all ${dataset} documents)`;
  if (dataset === 0) return `the workbench tokenizer (all ${workbench} documents)`;
  return `the files' own tokens in ${dataset} documents, the workbench tokenizer in ${workbench}`;
}

export function TokenBasisNote({
  report,
  nameOf,
}: {
  report: FullReport;
  nameOf: (id: string) => string;
}): React.JSX.Element {
  const pairs = annotatorPairs(report.annotators).map(
    ([a, b]) => [a, b, report.units.pairs[pairKey(a, b)]!] as const,
  );
  const same = pairs.every(
    ([, , u]) =>
      u.token_source.dataset === report.units.alpha.token_source.dataset &&
      u.token_source.workbench === report.units.alpha.token_source.workbench,
  );
  return (
    <div className="token-basis" role="note" aria-label="Tokens the figures rest on">
      <p>
        κ and α rest on <strong>{sourceText(report.units.alpha)}</strong>:{' '}
        {report.units.alpha.tokens.toLocaleString('en')} tokens. A document uses its files&apos;
        tokens when every chosen annotator&apos;s file brought the very same ones; otherwise (a file
        without tokens, files that differ, or annotations made here) the workbench tokenizer&apos;s,
        for everyone.
      </p>
      {!same && (
        <ul>
          {pairs.map(([a, b, u]) => (
            <li key={pairKey(a, b)}>
              κ {nameOf(a)} and {nameOf(b)}: {sourceText(u)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
