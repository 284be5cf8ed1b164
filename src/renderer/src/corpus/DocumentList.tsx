/**
 * The document list: every article with its title (right to left), outlet,
 * date, this analyst's status and span counts per label; sorted, filtered
 * and searched (ignoring tashkeel, tatweel and letter variants). Rows are
 * virtualized, so 10,000 documents scroll smoothly; the list is a listbox
 * whose options are focusable and move with the arrow keys.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { foldArabic, matchesQuery } from '@core/arabic-search.ts';
import type { AnnotatorRecord, DocStatus } from '@core/model.ts';
import { db } from '../db/db.ts';
import { useDocumentRows } from './useDocumentRows.ts';
import { useLabels } from '../hooks/useLabels.ts';
import {
  outletsOf,
  SORT_LABELS,
  STATUS_LABELS,
  visibleRows,
  type SortKey,
} from './document-rows.ts';
import './document-list.css';

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
  const deferredQuery = useDeferredValue(query);
  const folded = foldArabic(deferredQuery).trim();

  // Search titles and bodies through their folded keys. The keys are read
  // once when a search starts (and again only if documents change), then
  // every keystroke filters them in memory; clearing the box drops them.
  const searching = folded.length > 0;
  const searchKeys = useLiveQuery(
    async () =>
      searching ? (await db.documents.toArray()).map((d) => [d.id, d.folded] as const) : null,
    [searching],
    null,
  );
  const matches = useMemo(() => {
    if (!searching) return null;
    // Until the keys are read, nothing is shown as matching.
    if (!searchKeys) return new Set<string>();
    return new Set(searchKeys.filter(([, key]) => matchesQuery(key, folded)).map(([id]) => id));
  }, [searching, searchKeys, folded]);

  const visible = useMemo(
    () => visibleRows(rows ?? [], { status, label, outlet, matches }, sort),
    [rows, status, label, outlet, matches, sort],
  );
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

  return (
    <div className="document-list">
      <div className="doc-controls">
        <input
          type="search"
          className="doc-search"
          aria-label="Search documents"
          placeholder="Search titles and text…"
          dir="auto"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="doc-selects">
          <label htmlFor={ids.sort}>Sort</label>
          <select id={ids.sort} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {SORT_LABELS[k]}
              </option>
            ))}
          </select>
          <label htmlFor={ids.status}>Status</label>
          <select
            id={ids.status}
            value={status}
            onChange={(e) => setStatus(e.target.value as DocStatus | 'all')}
          >
            <option value="all">All</option>
            {(Object.keys(STATUS_LABELS) as DocStatus[]).map((k) => (
              <option key={k} value={k}>
                {STATUS_LABELS[k]}
              </option>
            ))}
          </select>
          <label htmlFor={ids.label}>Label</label>
          <select id={ids.label} value={label} onChange={(e) => setLabel(e.target.value)}>
            <option value="any">Any</option>
            {labels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.outlet}>Outlet</label>
          <select id={ids.outlet} value={outlet} onChange={(e) => setOutlet(e.target.value)}>
            <option value="all">All</option>
            {outlets.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
        <p className="doc-count" aria-live="polite">
          {rows === undefined
            ? 'Loading documents…'
            : `${visible.length} of ${rows.length} document${rows.length === 1 ? '' : 's'}`}
        </p>
      </div>
      {rows !== undefined && rows.length === 0 && <p className="empty">No documents yet.</p>}
      <div
        ref={scrollRef}
        className="doc-scroll"
        role="listbox"
        aria-label="Documents"
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
                <span className="doc-title" dir="auto" lang="ar">
                  {row.title}
                </span>
                <span className="doc-meta">
                  <span dir="auto">{row.outlet ?? 'Unknown outlet'}</span>
                  <span className="sep"> · </span>
                  <span>{row.date ? row.date.slice(0, 10) : 'No date'}</span>
                  <span className="sep"> · </span>
                  <span className={`doc-status ${row.status}`}>{STATUS_LABELS[row.status]}</span>
                </span>
                {row.spanTotal > 0 && (
                  <span className="doc-counts">
                    {countsInLabelOrder(row.counts, labelOrder).map(([key, n]) => (
                      <span key={key} className="doc-count-chip" title={labelName.get(key)?.name}>
                        <span
                          className="swatch"
                          style={{ background: labelName.get(key)?.color ?? '#888' }}
                          aria-hidden="true"
                        />
                        <span className="sr-only">{labelName.get(key)?.name ?? key}:</span> {n}
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
