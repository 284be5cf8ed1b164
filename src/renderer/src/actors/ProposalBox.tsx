/**
 * The holder and attribution proposed for the selected span (from the text:
 * the reporting cue governing it, its speaker, quotation marks), with the
 * reasons, confirmed with one key (H); a speaker the text names who is not
 * an actor yet can be made one and the holder at once.
 */
import type { SpanProposal } from '@core/actors/propose.ts';
import { displayName } from '@core/actors/model.ts';
import type { ActorRecord, AttributionKind } from '@core/model.ts';
import type { MessageId } from '../i18n/catalogs.ts';
import { useT } from '../i18n/T.tsx';
import { CONFIRM_KEY } from './useConfirmKey.ts';

/** Message ids of the display names of attribution kinds. */
export const ATTRIBUTION_NAMES: Readonly<Record<AttributionKind, MessageId>> = {
  'direct-quote': 'actors.attr.direct',
  'reported-speech': 'actors.attr.reported',
  'outlet-voice': 'actors.attr.outlet',
};

/** Props of ProposalBox. */
export interface ProposalBoxProps {
  proposal: SpanProposal;
  actors: readonly ActorRecord[];
  /** True when the span already has the proposed holder and kind. */
  confirmed: boolean;
  onConfirm: () => void;
  onNewActor: (name: string) => void;
}

/** Shows the best proposal and its reasons, with the confirm button. */
export function ProposalBox({
  proposal,
  actors,
  confirmed,
  onConfirm,
  onNewActor,
}: ProposalBoxProps): React.JSX.Element {
  const t = useT();
  const top = proposal.holders[0];
  const actor = top ? actors.find((a) => a.id === top.actorId) : undefined;
  const kind = proposal.attribution[0]?.kind;
  const reasons = [...(top?.reasons ?? []), ...(proposal.attribution[0]?.reasons ?? [])];
  return (
    <section className="proposal-box" aria-label={t('actors.proposal')}>
      <p>
        {t('actors.proposedHolder')}
        {actor ? (
          <strong dir="rtl" lang="ar" className="proposal-holder">
            {displayName(actor)}
          </strong>
        ) : (
          <span>{t('actors.proposalNone')}</span>
        )}
        {kind && <span className="proposal-kind"> · {t(ATTRIBUTION_NAMES[kind])}</span>}
      </p>
      {reasons.length > 0 && (
        <details>
          <summary>{t('actors.why')}</summary>
          <ul className="proposal-reasons">
            {reasons.map((r) => (
              <li key={r} dir="auto">
                {r}
              </li>
            ))}
          </ul>
        </details>
      )}
      {confirmed ? (
        <p className="span-meta">{t('actors.confirmed')}</p>
      ) : (
        <button type="button" aria-keyshortcuts={CONFIRM_KEY} onClick={onConfirm}>
          {t('actors.confirm')} <kbd>{CONFIRM_KEY.toUpperCase()}</kbd>
        </button>
      )}
      {!actor && proposal.unknownSpeaker && (
        <button type="button" onClick={() => onNewActor(proposal.unknownSpeaker!.text)}>
          {t('actors.makeActor', { name: proposal.unknownSpeaker.text })}
        </button>
      )}
    </section>
  );
}
