/**
 * What import cleanup did to the open document: each removed piece of page
 * chrome with the rule's reason and its line in the raw text, and the
 * choice between the cleaned and the raw text. The choice is open only
 * while nobody has spans on the document, because changing the text
 * changes the document's identity (the SHA-256 of its text).
 */
import { useId, useState } from 'react';
import type { Removal } from '@core/model.ts';
import { clearFailures, phrase, reportFailure } from '../failures.ts';
import { useDocument } from '../hooks/useDocument.ts';
import { switchTextSource } from './actions.ts';
import { useSpanCount } from './useSpanCount.ts';
import { useT, type Translate } from '../i18n/T.tsx';
import type { MessageId } from '../i18n/catalogs.ts';
import './cleanup-view.css';
import { useTitleText } from '../i18n/useTitleText.ts';

const FAILURE = 'cleanup';

export interface CleanupViewProps {
  docId: string | null;
  /** The document's id changes when its text source changes. */
  onDocIdChange: (id: string) => void;
}

const PREVIEW = 280;

/** The rules whose reasons the catalogs name (core's reason, in English, otherwise). */
const RULE_IDS = new Set([
  'ticker',
  'page-chrome',
  'credit',
  'source-link',
  'read-also',
  'tags',
  'published-line',
  'date-line',
  'update-line',
  'outlet-line',
  'author-line',
  'comments',
  'repeated-title',
  'repeated-block',
]);

/** Why a line was removed, in the interface language. */
function reasonText(r: Removal, t: Translate): string {
  return RULE_IDS.has(r.rule) ? t(`cleanup.rule.${r.rule}` as MessageId) : r.reason;
}

function RemovalItem({ r }: { r: Removal }): React.JSX.Element {
  const [full, setFull] = useState(false);
  const long = r.text.length > PREVIEW;
  const t = useT();
  return (
    <li className="removal">
      <div className="removal-head">
        <span className="removal-reason">{reasonText(r, t)}</span>
        <span className="removal-line">{t('cleanup.line', { line: r.line })}</span>
      </div>
      <blockquote className="removal-text" dir="auto" lang="ar">
        {full || !long ? r.text : `${r.text.slice(0, PREVIEW)}…`}
      </blockquote>
      {long && (
        <button type="button" className="link-button" onClick={() => setFull(!full)}>
          {full ? t('cleanup.less') : t('cleanup.all', { count: r.text.length })}
        </button>
      )}
    </li>
  );
}

export function CleanupView({ docId, onDocIdChange }: CleanupViewProps): React.JSX.Element | null {
  const doc = useDocument(docId);
  const spanCount = useSpanCount(docId);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const t = useT();
  const titleText = useTitleText();
  if (!doc) return null;

  const locked = spanCount > 0;
  async function choose(source: 'clean' | 'raw'): Promise<void> {
    if (!doc || doc.textSource === source) return;
    setBusy(true);
    clearFailures(FAILURE);
    try {
      onDocIdChange(await switchTextSource(doc.id, source));
    } catch (err) {
      reportFailure(
        {
          key: FAILURE,
          what: phrase(source === 'raw' ? 'failureTask.switchRaw' : 'failureTask.switchCleaned'),
          where: phrase('failureWhere.cleanup', { title: titleText(doc.title) }),
        },
        err,
      );
    } finally {
      setBusy(false);
    }
  }

  const n = doc.removed.length;
  return (
    <section className="cleanup-view" aria-labelledby={headingId}>
      <h2 id={headingId} className="cleanup-heading">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true" className={open ? undefined : 'dir-icon'}>
            {open ? '▾' : '▸'}
          </span>{' '}
          {t('cleanup.heading', { count: n })}
          {doc.textSource === 'raw' ? t('cleanup.rawInUse') : ''}
        </button>
      </h2>
      {open && (
        <div id={panelId} className="cleanup-panel">
          <fieldset disabled={locked || busy} className="text-source">
            <legend>{t('cleanup.textToAnnotate')}</legend>
            <label>
              <input
                type="radio"
                name={`${panelId}-source`}
                checked={doc.textSource === 'clean'}
                onChange={() => void choose('clean')}
              />
              {t('cleanup.clean')}
            </label>
            <label>
              <input
                type="radio"
                name={`${panelId}-source`}
                checked={doc.textSource === 'raw'}
                onChange={() => void choose('raw')}
              />
              {t('cleanup.raw')}
            </label>
          </fieldset>
          {locked && <p className="cleanup-note">{t('cleanup.locked', { count: spanCount })}</p>}
          {n === 0 ? (
            <p className="cleanup-note">{t('cleanup.nothing')}</p>
          ) : (
            <ol className="removals" aria-label={t('cleanup.removed')}>
              {doc.removed.map((r, i) => (
                <RemovalItem key={i} r={r} />
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
