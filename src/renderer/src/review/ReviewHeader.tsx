/**
 * The head of one document's review: its title, which lanes are shown,
 * accepting every agreed proposal at once, marking the document adjudicated
 * (or reopening it), and a summary of the disagreements.
 */
import { useState } from 'react';
import type { DocDisagreement } from '@core/agreement/disagreements.ts';
import type { AnnotatorRecord, StatusRecord } from '@core/model.ts';
import { clearFailures, phrase, reportFailure } from '../failures.ts';
import { useT } from '../i18n/T.tsx';
import { useTitleText } from '../i18n/useTitleText.ts';
import { GoldConflict } from '../team/GoldConflict.tsx';
import { AcceptAgreedControl } from './AcceptAgreedControl.tsx';
import { acceptAllAgreed, ADJUDICATE_FAILURE, setGoldStatus } from './actions.ts';
import { disagreementSummary } from './disagreement-text.ts';
import { laneName } from './PassageLanes.tsx';

export function ReviewHeader({
  self,
  doc,
  lanes,
  hidden,
  onToggleLane,
  proposers,
  goldStatus,
  blindHidden,
  disagreement,
}: {
  self: AnnotatorRecord;
  doc: { id: string; title: string; text: string };
  lanes: AnnotatorRecord[];
  hidden: ReadonlySet<string>;
  onToggleLane: (id: string) => void;
  proposers: string[];
  goldStatus: StatusRecord | undefined;
  blindHidden: boolean;
  disagreement: DocDisagreement;
}): React.JSX.Element {
  const [minAgree, setMinAgree] = useState(2);
  const [message, setMessage] = useState('');
  const t = useT();
  const titleText = useTitleText();
  const done = goldStatus?.status === 'done';

  const acceptAll = async (): Promise<void> => {
    setMessage('');
    const n = await acceptAllAgreed([doc.id], minAgree, proposers).catch((e: unknown) => {
      reportFailure(
        {
          key: ADJUDICATE_FAILURE,
          what: phrase('failureTask.acceptAgreed', { count: minAgree }),
          where: phrase('mode.review'),
        },
        e,
      );
      return null;
    });
    if (n === null) return;
    clearFailures(ADJUDICATE_FAILURE);
    setMessage(
      n === 0 ? t('review.noneAgree', { n: minAgree }) : t('review.accepted', { count: n }),
    );
  };
  const toggleDone = (): void =>
    void setGoldStatus(doc.id, done ? 'in-progress' : 'done').then(
      () => clearFailures(ADJUDICATE_FAILURE),
      (e: unknown) =>
        reportFailure(
          {
            key: ADJUDICATE_FAILURE,
            what: phrase(done ? 'failureTask.reopenGold' : 'failureTask.markGold'),
            where: phrase('mode.review'),
          },
          e,
        ),
    );

  return (
    <header className="review-head">
      <h2 dir="auto">{titleText(doc.title)}</h2>
      <fieldset className="layers">
        <legend>{t('review.layers')}</legend>
        {lanes.map((a) => (
          <label key={a.id}>
            <input
              type="checkbox"
              checked={!hidden.has(a.id)}
              onChange={() => onToggleLane(a.id)}
            />
            {t('review.show', { name: laneName(a, self, t) })}
          </label>
        ))}
      </fieldset>
      <div className="adjudicate-all">
        <AcceptAgreedControl
          proposers={proposers.length}
          minAgree={minAgree}
          onMinAgree={setMinAgree}
          onAccept={() => void acceptAll()}
        />
        <button type="button" onClick={toggleDone}>
          {done ? t('review.reopen') : t('review.markAdjudicated')}
        </button>
        <span role="status" className="review-message">
          {message}
          {done ? t('review.isAdjudicated') : ''}
        </span>
      </div>
      {blindHidden && (
        <p className="blind-note" role="note">
          {t('review.blind')}
        </p>
      )}
      <GoldConflict docId={doc.id} text={doc.text} />
      <p className="disagree-summary">
        {proposers.length < 2 ? t('review.onlyOne') : disagreementSummary(disagreement, t)}
      </p>
    </header>
  );
}
