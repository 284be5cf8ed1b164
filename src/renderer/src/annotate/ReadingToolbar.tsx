/**
 * The reading pane's toolbar, one compact row: the article title, status,
 * document-level stance, sticky label, text size, undo/redo, "Done & next",
 * focus mode and the shortcut sheet. It wraps only when the window is too
 * narrow for one row.
 */
import type { AnnotatorRecord, LabelDef } from '@core/model.ts';
import { T, useT } from '../i18n/T.tsx';
import type { MessageId } from '../i18n/catalogs.ts';
import { setDocStance } from './actions.ts';
import { redo, undo } from './editor.ts';
import { updateSession, useSession } from './session.ts';
import { useStatus } from './useStatus.ts';

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
  return (
    <header className="rp-head">
      <h2 className="rp-title" dir="auto" title={props.title || undefined}>
        {props.title || <T id="toolbar.noTitle" />}
      </h2>
      <div className="rp-tools" role="toolbar" aria-label={t('toolbar.tools')}>
        <span className="rp-status" aria-label={t('toolbar.status')}>
          {status ? t(STATUS_TEXT[status.status]!) : '…'}
        </span>
        <label>
          <span className="rp-tool-name">
            <T id="toolbar.docStance" />
          </span>
          <select
            value={status?.docStance ?? ''}
            onChange={(e) => void setDocStance(docId, self.id, e.target.value || null)}
          >
            <option value="">{t('toolbar.none')}</option>
            <option value="neutral">{t('toolbar.neutral')}</option>
            {labels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="rp-tool-name">
            <T id="toolbar.sticky" />
          </span>
          <select
            value={sticky ?? ''}
            onChange={(e) => updateSession({ sticky: e.target.value || null })}
          >
            <option value="">{t('toolbar.off')}</option>
            {labels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <span className="rp-group" role="group" aria-label={t('toolbar.textSize')}>
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
          onClick={() => void undo(docId, self.id)}
          title={t('toolbar.undoKey')}
        >
          <T id="toolbar.undo" />
        </button>
        <button
          type="button"
          onClick={() => void redo(docId, self.id)}
          title={t('toolbar.redoKey')}
        >
          <T id="toolbar.redo" />
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
            aria-pressed={props.focus ?? false}
            onClick={props.onToggleFocus}
            aria-keyshortcuts="f"
            title={t('toolbar.focus')}
          >
            <T id="header.focusMode" />
          </button>
        )}
        <button
          type="button"
          onClick={props.onShortcuts}
          aria-label={t('toolbar.shortcuts')}
          title="?"
        >
          ?
        </button>
      </div>
    </header>
  );
}
