/**
 * Review of a document only this analyst annotated, with no gold yet:
 * nothing to compare or adjudicate. Says what Review is for and how
 * colleagues' labels come in, and offers no action that cannot apply.
 */
import { useT } from '../i18n/T.tsx';
import { useTitleText } from '../i18n/useTitleText.ts';

export function ReviewSolo({
  title,
  proposers,
  nameOf,
  blindHidden,
}: {
  title: string;
  /** Everyone with proposals: nobody, or this analyst alone. */
  proposers: string[];
  nameOf: (id: string) => string;
  blindHidden: boolean;
}): React.JSX.Element {
  const t = useT();
  const titleText = useTitleText();
  return (
    <section
      className="review review-solo"
      aria-label={t('review.of', { title: titleText(title) })}
    >
      <header className="review-head">
        <h2 dir="auto">{titleText(title)}</h2>
      </header>
      <div className="solo-note" role="note">
        <p>{t('review.soloWhat')}</p>
        <p>
          {proposers.length === 0
            ? t('review.soloNobody')
            : t('review.soloOne', { name: nameOf(proposers[0]!) })}
        </p>
        <p>{t('review.soloHow')}</p>
        <ul>
          <li>{t('review.soloImport')}</li>
          <li>{t('review.soloTeam')}</li>
        </ul>
      </div>
      {blindHidden && (
        <p className="blind-note" role="note">
          {t('review.blind')}
        </p>
      )}
    </section>
  );
}
