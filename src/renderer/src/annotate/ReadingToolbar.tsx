/**
 * The reading pane's toolbar, one compact row beside the article title:
 * status, sticky label, undo/redo and focus mode as icon buttons (named for
 * screen readers, with the key in the tooltip), "Done & next", and a "More
 * tools" menu holding the document-level stance, text size and the
 * shortcut sheet. One row at 1280×720 with both side panels open
 * (e2e/layout.spec.ts).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { AnnotatorRecord, LabelDef } from '@core/model.ts';
import { T, useT } from '../i18n/T.tsx';
import type { MessageId } from '../i18n/catalogs.ts';
import { setDocStance } from './actions.ts';
import { redo, undo } from './editor.ts';
import { updateSession, useSession } from './session.ts';
import { useStatus } from './useStatus.ts';
import { useLabelName } from '../labels/useLabelName.ts';

export interface ReadingToolbarProps {
  self: AnnotatorRecord;
  docId: string;
  title: string;
  labels: readonly LabelDef[];
  fontSize: number;
  onFontSize: (delta: 1 | -1) => void;
  onShortcuts: () => void;
  onDoneAndNext: () => void;
  focus?: boolean;
  onToggleFocus?: (() => void) | undefined;
}

const STATUS_TEXT: Record<string, MessageId> = {
  'not-started': 'status.not-started',
  'in-progress': 'status.in-progress',
  done: 'status.done',
};

export function ReadingToolbar(props: ReadingToolbarProps): React.JSX.Element {
  const { self, docId, labels } = props;
  const status = useStatus(docId, self.id);
  const { sticky } = useSession();
  const t = useT();
  const nameOf = useLabelName();
  const withKey = (action: MessageId, key: MessageId): string =>
    t('toolbar.withKey', { action: t(action), key: t(key) });
  return (
    <header className="rp-head">
      <h2 className="rp-title" dir="auto" title={props.title || undefined}>
        {props.title || <T id="toolbar.noTitle" />}
      </h2>
      <div className="rp-tools" role="toolbar" aria-label={t('toolbar.tools')}>
        <span className="rp-status" aria-label={t('toolbar.status')}>
          {status ? t(STATUS_TEXT[status.status]!) : '…'}
        </span>
        {/* The select names itself in its options ("Sticky: Pro-withdrawal"),
            so its label is for screen readers only and the row stays short. */}
        <label>
          <span className="sr-only">
            <T id="toolbar.sticky" />
          </span>
          <select
            value={sticky ?? ''}
            title={t('toolbar.sticky')}
            onChange={(e) => updateSession({ sticky: e.target.value || null })}
          >
            <option value="">{t('toolbar.stickyOff')}</option>
            {labels.map((l) => (
              <option key={l.key} value={l.key}>
                {t('toolbar.stickyOption', { name: nameOf(l) })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="rp-icon"
          aria-label={t('toolbar.undo')}
          title={withKey('toolbar.undo', 'toolbar.undoKey')}
          onClick={() => void undo(docId, self.id)}
        >
          <span aria-hidden="true" className="dir-icon">
            ↶
          </span>
        </button>
        <button
          type="button"
          className="rp-icon"
          aria-label={t('toolbar.redo')}
          title={withKey('toolbar.redo', 'toolbar.redoKey')}
          onClick={() => void redo(docId, self.id)}
        >
          <span aria-hidden="true" className="dir-icon">
            ↷
          </span>
        </button>
        <button
          type="button"
          className="primary"
          onClick={props.onDoneAndNext}
          title={t('toolbar.doneKey')}
        >
          <T id="toolbar.doneNext" />
        </button>
        {props.onToggleFocus && (
          <button
            type="button"
            className="rp-icon"
            aria-pressed={props.focus ?? false}
            onClick={props.onToggleFocus}
            aria-keyshortcuts="f"
            aria-label={t('header.focusMode')}
            title={t('toolbar.focus')}
          >
            {/* Four corners: the article takes the window (no font has a glyph for it). */}
            <svg
              aria-hidden="true"
              width="14"
              height="14"
              viewBox="0 0 14 14"
              className="rp-svg-icon"
            >
              <path
                d="M1 5V1h4M9 1h4v4M13 9v4H9M5 13H1V9"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
              />
            </svg>
          </button>
        )}
        <MoreTools {...props} status={status?.docStance ?? ''} />
      </div>
    </header>
  );
}

/**
 * The tools used once a document or less (document stance, text size, the
 * shortcut sheet), behind one "More tools" button, so the toolbar is one
 * row beside the article even at 1280 px with both side panels open.
 */
function MoreTools(props: ReadingToolbarProps & { status: string }): React.JSX.Element {
  const { self, docId, labels } = props;
  const t = useT();
  const nameOf = useLabelName();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  const menuId = useId();
  useEffect(() => {
    if (!open) return;
    // Closes on a click elsewhere, as a menu does.
    const away = (e: PointerEvent): void => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  return (
    <span
      className="rp-more"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          box.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="rp-icon"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('toolbar.more')}
        title={t('toolbar.more')}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <span
        id={menuId}
        className="rp-more-panel"
        role="group"
        aria-label={t('toolbar.more')}
        hidden={!open}
      >
        <label>
          <span className="rp-tool-name">
            <T id="toolbar.docStance" />
          </span>
          <select
            value={props.status}
            onChange={(e) => void setDocStance(docId, self.id, e.target.value || null)}
          >
            <option value="">{t('toolbar.none')}</option>
            <option value="neutral">{t('toolbar.neutral')}</option>
            {labels.map((l) => (
              <option key={l.key} value={l.key}>
                {nameOf(l)}
              </option>
            ))}
          </select>
        </label>
        <span className="rp-group" role="group" aria-label={t('toolbar.textSize')}>
          <span className="rp-tool-name">
            <T id="toolbar.textSize" />
          </span>
          <button type="button" onClick={() => props.onFontSize(-1)}>
            <span aria-hidden="true">
              <T id="toolbar.smallerGlyph" />
            </span>
            <span className="sr-only">{t('toolbar.smaller')}</span>
          </button>
          <span aria-label={t('toolbar.textSizePx')}>
            {t('docs.number', { n: props.fontSize })}
          </span>
          <button type="button" onClick={() => props.onFontSize(1)}>
            <span aria-hidden="true">
              <T id="toolbar.largerGlyph" />
            </span>
            <span className="sr-only">{t('toolbar.larger')}</span>
          </button>
        </span>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            props.onShortcuts();
          }}
        >
          {t('toolbar.shortcuts')} <kbd>?</kbd>
        </button>
      </span>
    </span>
  );
}
