/**
 * The side panel's span list: the analyst's spans of the open document in
 * reading order (label, quote, holder, note), and an editor for the
 * selected one (relabel, attribution: actors/AttributionEditor, note, delete).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AnnotatorRecord, LabelDef, SpanRecord } from '@core/model.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { deleteSpan, updateSpan } from './actions.ts';
import { editName } from './history.ts';
import { updateSession, useSession } from './session.ts';
import { useAutosave } from './useAutosave.ts';
import { useSpans } from './useSpans.ts';
import { AttributionEditor } from '../actors/AttributionEditor.tsx';
import { useActors, useHolderActorId } from '../actors/useActors.ts';
import { displayName } from '@core/actors/model.ts';
import { T, useT } from '../i18n/T.tsx';
import './span-panel.css';
import { useLabelName } from '../labels/useLabelName.ts';

export function SpanPanel({
  self,
  docId,
}: {
  self: AnnotatorRecord;
  docId: string | null;
}): React.JSX.Element | null {
  const labels = useLabels();
  const spans = useSpans(docId, self.id);
  const { selectedSpanId } = useSession();
  const selected = spans.find((s) => s.id === selectedSpanId);
  const t = useT();
  if (!docId) return null;
  return (
    <section aria-labelledby="spans-heading" className="span-panel">
      <h2 id="spans-heading">{t('spans.heading', { count: spans.length })}</h2>
      {selected && <SpanEditor key={selected.id} span={selected} labels={labels} />}
      {spans.length === 0 ? (
        <p className="empty">{t('spans.empty')}</p>
      ) : (
        <SpanList spans={spans} labels={labels} selectedSpanId={selectedSpanId} />
      )}
    </section>
  );
}

/**
 * The spans as a virtualized list: thousands of spans render only the rows
 * in view. The selected span's row is scrolled into view.
 */
function SpanList({
  spans,
  labels,
  selectedSpanId,
}: {
  spans: readonly SpanRecord[];
  labels: readonly LabelDef[];
  selectedSpanId: string | null;
}): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: spans.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 6,
  });
  const selectedIndex = spans.findIndex((s) => s.id === selectedSpanId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  const byKey = useMemo(() => new Map(labels.map((l) => [l.key, l])), [labels]);
  const t = useT();
  const nameOf = useLabelName();
  // A span's holder actor, followed through merges (a colleague's merge
  // cannot rewrite this analyst's spans), named as the actor is now.
  const actors = useActors();
  const holderActorOf = useHolderActorId();
  const actorName = useMemo(() => new Map(actors.map((a) => [a.id, displayName(a)])), [actors]);
  const holderOf = (s: SpanRecord): string | null => {
    const id = holderActorOf(s.holderActorId);
    return (id && actorName.get(id)) || s.holder;
  };
  return (
    <div className="span-scroll" ref={scrollRef}>
      <ul
        className="span-list"
        aria-label={t('spans.list')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const s = spans[item.index]!;
          const l = byKey.get(s.label);
          return (
            <li
              key={s.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="span-row"
              style={{ transform: `translateY(${item.start}px)` }}
              aria-current={s.id === selectedSpanId ? 'true' : undefined}
            >
              <button
                type="button"
                className="span-item"
                onClick={() => updateSession({ selectedSpanId: s.id, pending: null })}
              >
                <span className="span-label">
                  <span
                    className="swatch"
                    style={{ background: l?.color ?? '#777' }}
                    aria-hidden="true"
                  />
                  {nameOf(l, s.label)}
                </span>
                <q className="span-quote" lang="ar" dir="rtl">
                  {s.quote}
                </q>
                {holderOf(s) && (
                  <span className="span-holder">
                    <T id="spans.holder" values={{ holder: <bdi>{holderOf(s)}</bdi> }} />
                  </span>
                )}
                {s.note && (
                  <span className="span-note">
                    <T id="spans.note" values={{ note: <bdi>{s.note}</bdi> }} />
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function SpanEditor({
  span,
  labels,
}: {
  span: SpanRecord;
  labels: readonly LabelDef[];
}): React.JSX.Element {
  const [note, setNote] = useState(span.note ?? '');
  const t = useT();
  const nameOf = useLabelName();
  const saveNote = useAutosave(
    note,
    span.note,
    (v) => void updateSpan(span.id, { note: v }, editName('edit.editNote')),
  );
  return (
    <form
      className="span-editor"
      aria-label={t('spans.selected')}
      onSubmit={(e) => {
        e.preventDefault();
        saveNote();
      }}
    >
      <q lang="ar" dir="rtl" className="span-quote">
        {span.quote}
      </q>
      <label>
        <T id="spans.label" />
        <select
          value={span.label}
          onChange={(e) =>
            void updateSpan(span.id, { label: e.target.value }, editName('edit.relabelSpan'))
          }
        >
          {labels.map((l) => (
            <option key={l.key} value={l.key}>
              {nameOf(l)}
            </option>
          ))}
          {!labels.some((l) => l.key === span.label) && (
            <option value={span.label}>{span.label}</option>
          )}
        </select>
      </label>
      <AttributionEditor span={span} />
      <label>
        <T id="spans.noteField" />
        <textarea
          dir="auto"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onBlur={saveNote}
        />
      </label>
      <p className="span-meta">{t('spans.autosave')}</p>
      <div className="span-editor-actions">
        <button type="button" className="danger" onClick={() => void deleteSpan(span.id)}>
          <T id="spans.delete" />
        </button>
      </div>
      <p className="span-meta">
        <T
          id="spans.meta"
          values={{
            start: span.start,
            end: span.end,
            who: <bdi>{span.annotatorId}</bdi>,
            when: new Date(span.updatedAt),
          }}
        />
      </p>
    </form>
  );
}
