/**
 * The document list: every article with its title (right to left), outlet,
 * date, this analyst's status and span counts per label; sorted, filtered
 * and searched (ignoring tashkeel, tatweel and letter variants). Rows are
 * virtualized, so 10,000 documents scroll smoothly; the list is a listbox
 * whose options are focusable and move with the arrow keys.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { foldArabic, matchesQuery } from '@core/arabic-search.ts';
import type { AnnotatorRecord, DocStatus } from '@core/model.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { useDocumentRows } from './useDocumentRows.ts';
import { useSearchKeys } from './useSearchKeys.ts';
import {
  outletsOf,
  SORT_LABELS,
  STATUS_LABELS,
  visibleRows,
  type SortKey,
} from './document-rows.ts';
import { useAssignedTo, useTeam } from '../team/useTeam.ts';
import { useIntl } from 'react-intl';
import { T, useT } from '../i18n/T.tsx';
import './document-list.css';
import { useLabelName } from '../labels/useLabelName.ts';

export interface DocumentListProps {
  self: AnnotatorRecord;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Called with the ids in the current sorted and filtered order. */
  onVisibleOrder?: (ids: string[]) => void;
}

const ROW_HEIGHT = 90;

/** Span counts in the label set's order, unknown labels last. */
function countsInLabelOrder(counts: Record<string, number>, order: string[]): [string, number][] {
  const rank = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.entries(counts).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

export function DocumentList({
  self,
  selectedId,
  onSelect,
  onVisibleOrder,
}: DocumentListProps): React.JSX.Element {
  const rows = useDocumentRows(self.id);
  const labels = useLabels();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('imported');
  const [status, setStatus] = useState<DocStatus | 'all'>('all');
  const [label, setLabel] = useState('any');
  const [outlet, setOutlet] = useState('all');
  const [mine, setMine] = useState(false);
  const assigned = useAssignedTo(self.id);
  const team = useTeam();
  const deferredQuery = useDeferredValue(query);
  const folded = foldArabic(deferredQuery).trim();

  // Search titles and bodies through their folded keys. The keys are read
  // once when a search starts (and again only if documents change), then
  // every keystroke filters them in memory; clearing the box drops them.
  const searching = folded.length > 0;
  const searchKeys = useSearchKeys(searching);
  const matches = useMemo(() => {
    if (!searching) return null;
    // Until the keys are read, nothing is shown as matching.
    if (!searchKeys) return new Set<string>();
    return new Set(searchKeys.filter(([, key]) => matchesQuery(key, folded)).map(([id]) => id));
  }, [searching, searchKeys, folded]);

  const visible = useMemo(() => {
    const all = visibleRows(rows ?? [], { status, label, outlet, matches }, sort);
    // "Assigned to me" (team projects): only the documents a lead assigned.
    return mine && assigned ? all.filter((r) => assigned.has(r.id)) : all;
  }, [rows, status, label, outlet, matches, sort, mine, assigned]);
  const outlets = useMemo(() => outletsOf(rows ?? []), [rows]);

  const orderKey = visible.map((r) => r.id).join(',');
  useEffect(() => {
    onVisibleOrder?.(orderKey ? orderKey.split(',') : []);
  }, [orderKey, onVisibleOrder]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const selectedIndex = visible.findIndex((r) => r.id === selectedId);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const tabIndexAt = selectedIndex >= 0 ? selectedIndex : 0;

  const items = virtualizer.getVirtualItems();
  // Tab reaches the list through one option: the selected one, or the first
  // rendered one when the selection is scrolled out of the rendered window.
  const tabStop = items.some((v) => v.index === tabIndexAt) ? tabIndexAt : (items[0]?.index ?? 0);

  // A document selected from elsewhere (an import, next/previous) scrolls into view.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  // Move focus to a row once it has been scrolled into view and rendered.
  useEffect(() => {
    if (focusIndex === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"]`);
    if (el) {
      el.focus();
      setFocusIndex(null);
    }
  }, [focusIndex, items]);

  function moveTo(index: number): void {
    if (visible.length === 0) return;
    const i = Math.max(0, Math.min(visible.length - 1, index));
    virtualizer.scrollToIndex(i, { align: 'auto' });
    onSelect(visible[i]!.id);
    setFocusIndex(i);
  }

  function onKeyDown(e: React.KeyboardEvent): void {
    const current = Number((e.target as HTMLElement).dataset.index ?? tabIndexAt);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT));
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: visible.length - 1,
      PageDown: current + page,
      PageUp: current - page,
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    }
  }

  const ids = { search: useId(), sort: useId(), status: useId(), label: useId(), outlet: useId() };
  const labelName = new Map(labels.map((l) => [l.key, l]));
  const labelOrder = labels.map((l) => l.key);
  const t = useT();
  const nameOf = useLabelName();

  return (
    <div className="document-list">
      <div className="doc-controls">
        <input
          type="search"
          className="doc-search"
          aria-label={t('docs.search')}
          placeholder={t('docs.searchPlaceholder')}
          dir="auto"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="doc-selects">
          <label htmlFor={ids.sort}>{t('docs.sort')}</label>
          <select id={ids.sort} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {t(SORT_LABELS[k])}
              </option>
            ))}
          </select>
          <label htmlFor={ids.status}>{t('docs.status')}</label>
          <select
            id={ids.status}
            value={status}
            onChange={(e) => setStatus(e.target.value as DocStatus | 'all')}
          >
            <option value="all">{t('docs.all')}</option>
            {(Object.keys(STATUS_LABELS) as DocStatus[]).map((k) => (
              <option key={k} value={k}>
                {t(STATUS_LABELS[k])}
              </option>
            ))}
          </select>
          <label htmlFor={ids.label}>{t('docs.label')}</label>
          <select id={ids.label} value={label} onChange={(e) => setLabel(e.target.value)}>
            <option value="any">{t('docs.any')}</option>
            {labels.map((l) => (
              <option key={l.key} value={l.key}>
                {nameOf(l)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.outlet}>{t('docs.outlet')}</label>
          <select id={ids.outlet} value={outlet} onChange={(e) => setOutlet(e.target.value)}>
            <option value="all">{t('docs.all')}</option>
            {outlets.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
        {(team.config || (assigned && assigned.size > 0)) && (
          <label className="doc-mine">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />{' '}
            {assigned ? t('docs.assignedCount', { count: assigned.size }) : t('docs.assigned')}
          </label>
        )}
        <p className="doc-count" aria-live="polite">
          {rows === undefined
            ? t('docs.loading')
            : t('docs.count', { shown: visible.length, count: rows.length })}
        </p>
      </div>
      {rows !== undefined && rows.length === 0 && <p className="empty">{t('docs.none')}</p>}
      <div
        ref={scrollRef}
        className="doc-scroll"
        role="listbox"
        aria-label={t('workbench.documents')}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const row = visible[v.index]!;
            const selected = row.id === selectedId;
            return (
              <div
                key={row.id}
                role="option"
                aria-selected={selected}
                aria-posinset={v.index + 1}
                aria-setsize={visible.length}
                data-index={v.index}
                tabIndex={v.index === tabStop ? 0 : -1}
                className={`doc-row${selected ? ' selected' : ''}`}
                style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  onSelect(row.id);
                  setFocusIndex(v.index);
                }}
              >
                {row.title ? (
                  <span className="doc-title" dir="auto" lang="ar">
                    {row.title}
                  </span>
                ) : (
                  <span className="doc-title">
                    <span className="untitled">{t('toolbar.noTitle')}</span>
                    {row.lead && (
                      <>
                        <span className="sep" aria-hidden="true">
                          {' · '}
                        </span>
                        <q className="doc-lead" dir="auto" lang="ar">
                          {row.lead}
                        </q>
                      </>
                    )}
                  </span>
                )}
                <span className="doc-meta">
                  <span dir="auto">{row.outlet ?? t('docs.unknownOutlet')}</span>
                  <span className="sep" aria-hidden="true">
                    {' · '}
                  </span>
                  <span>{row.date ? <DocDate iso={row.date} /> : t('docs.noDate')}</span>
                  <span className="sep" aria-hidden="true">
                    {' · '}
                  </span>
                  <span className={`doc-status ${row.status}`}>{t(STATUS_LABELS[row.status])}</span>
                </span>
                {row.spanTotal > 0 && (
                  <span className="doc-counts">
                    {countsInLabelOrder(row.counts, labelOrder).map(([key, n]) => (
                      <span
                        key={key}
                        className="doc-count-chip"
                        title={nameOf(labelName.get(key), key)}
                      >
                        <span
                          className="swatch"
                          style={{ background: labelName.get(key)?.color ?? '#888' }}
                          aria-hidden="true"
                        />
                        <span className="sr-only">
                          <T
                            id="docs.countOf"
                            values={{ label: nameOf(labelName.get(key), key), count: n }}
                          />
                        </span>
                        <span aria-hidden="true">
                          <T id="docs.number" values={{ n }} />
                        </span>
                      </span>
                    ))}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * A document's date as stored (YYYY-MM-DD, unambiguous in both languages),
 * its digits in the chosen digit style.
 */
function DocDate({ iso }: { iso: string }): React.JSX.Element {
  const intl = useIntl();
  const day = iso.slice(0, 10);
  return (
    <time dateTime={day} dir="ltr">
      {day.replace(/\d/g, (d) => intl.formatNumber(Number(d)))}
    </time>
  );
}
