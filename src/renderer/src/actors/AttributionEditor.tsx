/**
 * A span's attribution in the span panel: who holds the stance (an actor,
 * or free text as the fallback), what it is about (target), and how the
 * text voices it, with the proposal computed from the text, confirmed with
 * one key. Each change is one edit of the document's undo history.
 */
import { useId, useState } from 'react';
import { ATTRIBUTION_KINDS, type AttributionKind, type SpanRecord } from '@core/model.ts';
import { useAutosave } from '../annotate/useAutosave.ts';
import { useKnownHolders } from '../annotate/useSpans.ts';
import { useT } from '../i18n/T.tsx';
import { attributeSpan, holderFromNewActor } from './actions.ts';
import { editName } from '../annotate/history.ts';
import { ATTRIBUTION_NAMES, ProposalBox } from './ProposalBox.tsx';
import { useActors, useHolderActorId, useKnownTargets } from './useActors.ts';
import { useConfirmKey } from './useConfirmKey.ts';
import { useHolderProposal } from './useHolderProposal.ts';
import { errorWords, problemWords } from '../i18n/problems.ts';

/** The attribution fields of `span` and its proposal. */
export function AttributionEditor({ span }: { span: SpanRecord }): React.JSX.Element {
  const t = useT();
  const actors = useActors();
  const holderId = useHolderActorId()(span.holderActorId);
  const proposal = useHolderProposal(span.docId, span.start, span.end, actors);
  const [error, setError] = useState('');
  const top = proposal?.holders[0];
  const kind = proposal?.attribution[0]?.kind ?? null;
  const confirmed = (!top || holderId === top.actorId) && (!kind || span.attribution === kind);
  const canConfirm = !!proposal && (!!top || !!kind) && !confirmed;
  const confirm = (): void => {
    if (!canConfirm) return;
    setError('');
    void attributeSpan(
      span.id,
      { ...(top ? { actorId: top.actorId } : {}), ...(kind ? { attribution: kind } : {}) },
      editName('edit.confirmHolder'),
    );
  };
  useConfirmKey(canConfirm, confirm);

  return (
    <div className="attribution-editor" role="group" aria-label={t('actors.attribution')}>
      {proposal && (
        <ProposalBox
          proposal={proposal}
          actors={actors}
          confirmed={confirmed}
          onConfirm={confirm}
          onNewActor={(name) => {
            setError('');
            holderFromNewActor(span.id, name, kind).then(
              (r) =>
                r.ok === false &&
                setError(r.errors.map((e) => problemWords(t, e.problem)).join(' ')),
              (e: unknown) => setError(errorWords(t, e)),
            );
          }}
        />
      )}
      <label>
        {t('actors.holderActor')}
        <select
          value={holderId ?? ''}
          onChange={(e) =>
            void attributeSpan(
              span.id,
              { actorId: e.target.value || null },
              editName('edit.setHolderActor'),
            )
          }
        >
          <option value="">{t('actors.noActorFree')}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.nameAr || a.nameEn}
              {a.nameAr && a.nameEn ? ` (${a.nameEn})` : ''}
            </option>
          ))}
          {holderId && !actors.some((a) => a.id === holderId) && (
            <option value={holderId}>{span.holder ?? holderId}</option>
          )}
        </select>
      </label>
      {/* Remounted when the actor changes, so it shows the actor's name. */}
      <HolderText key={span.holderActorId ?? ''} span={span} />
      <TargetField span={span} />
      <label>
        {t('actors.attribution')}
        <select
          value={span.attribution ?? ''}
          onChange={(e) =>
            void attributeSpan(
              span.id,
              { attribution: (e.target.value || null) as AttributionKind | null },
              editName('edit.setAttribution'),
            )
          }
        >
          <option value="">{t('actors.noKind')}</option>
          {ATTRIBUTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(ATTRIBUTION_NAMES[k])}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The free-text holder, with the holders named so far as suggestions:
 * typing it removes the actor (it is the fallback).
 */
function HolderText({ span }: { span: SpanRecord }): React.JSX.Element {
  const t = useT();
  const [text, setText] = useState(span.holder ?? '');
  const holders = useKnownHolders();
  const listId = useId();
  const flush = useAutosave(text, span.holder, (v) => {
    if (span.holderActorId && v === span.holder) return;
    void attributeSpan(span.id, { holderText: v }, editName('edit.setHolder'));
  });
  return (
    <>
      <label>
        {t('actors.holderText')}
        <input
          dir="auto"
          list={listId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={flush}
          placeholder={t('actors.holderTextHint')}
        />
      </label>
      <datalist id={listId}>
        {holders.map((h) => (
          <option key={h} value={h} />
        ))}
      </datalist>
    </>
  );
}

/** The target, with the project's targets and those of other spans as suggestions. */
function TargetField({ span }: { span: SpanRecord }): React.JSX.Element {
  const t = useT();
  const [text, setText] = useState(span.target ?? '');
  const targets = useKnownTargets();
  const listId = useId();
  const flush = useAutosave(text, span.target ?? null, (v) => {
    void attributeSpan(span.id, { target: v }, editName('edit.setTarget'));
  });
  return (
    <>
      <label>
        {t('actors.target')}
        <input
          dir="auto"
          list={listId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={flush}
          placeholder={t('actors.targetHint')}
        />
      </label>
      <datalist id={listId}>
        {targets.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </>
  );
}
