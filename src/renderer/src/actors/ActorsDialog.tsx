/**
 * The Actors dialog: the project's actors (Arabic and English names, kind,
 * affiliation, aliases); create one (from the name selected in the reading
 * pane too), edit, merge duplicates, delete. Every edit can be undone here
 * (buttons, or Ctrl+Z / Ctrl+Shift+Z outside the form fields).
 */
import { useState } from 'react';
import {
  nameFromSelection,
  type ActorEditResult,
  type ActorFields,
} from '@core/actors/operations.ts';
import { ActorIndex, type FieldError } from '@core/actors/model.ts';
import type { ActorRecord } from '@core/model.ts';
import type { ActorEditWhat } from '@core/actors/operations.ts';
import { Dialog } from '../components/Dialog.tsx';
import {
  createActor,
  deleteActor,
  editActor,
  mergeActors,
  redoActor,
  undoActor,
} from './actions.ts';
import { useT, type Translate } from '../i18n/T.tsx';
import type { MessageId } from '../i18n/catalogs.ts';
import { ActorForm, blankFields, KIND_NAMES } from './ActorForm.tsx';
import { useEditText } from './useEditText.ts';
import { useActorHistory, useActors } from './useActors.ts';
import './actors.css';
import { errorWords, problemWords } from '../i18n/problems.ts';

type Editing = { id: string | null; initial: ActorFields; title: string } | null;

/** Props of ActorsDialog. */
export interface ActorsDialogProps {
  /** The words selected in the reading pane, offered as a new actor's name. */
  selectedText: string | null;
  onClose: () => void;
}

/** The modal list and editor of the project's actors. */
export function ActorsDialog({ selectedText, onClose }: ActorsDialogProps): React.JSX.Element {
  const t = useT();
  const actors = useActors();
  const history = useActorHistory();
  const editText = useEditText();
  const [editing, setEditing] = useState<Editing>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [keep, setKeep] = useState<string | null>(null);
  const selectedName = selectedText ? nameFromSelection(selectedText) : '';
  const existing = selectedName ? findNamed(actors, selectedName) : null;

  const run = (p: Promise<ActorEditResult>, done: MessageId, after?: () => void): void => {
    setMessage('');
    p.then(
      (r) => {
        if (!r.ok) return setErrors(r.errors);
        setErrors([]);
        setMessage(
          [
            t(done, { name: r.actor.nameAr || r.actor.nameEn }),
            ...r.edit.warnings.map((w) => problemWords(t, w)),
          ].join(' '),
        );
        after?.();
      },
      (e: unknown) => setMessage(errorWords(t, e)),
    );
  };
  const history_ = (p: Promise<ActorEditWhat | null>, say: MessageId): void => {
    p.then(
      (n) => n && setMessage(t(say, { what: editText(n) })),
      (e: unknown) => setMessage(errorWords(t, e)),
    );
  };
  const open = (e: Editing): void => {
    setErrors([]);
    setEditing(e);
  };

  return (
    <Dialog title={t('actors.title')} onClose={onClose} className="actors-dialog">
      <div
        className="actors-body"
        onKeyDown={(e) => {
          const field = (e.target as Element).closest('input, textarea, select');
          if (field || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
          e.preventDefault();
          if (e.shiftKey) history_(redoActor(), 'actors.redone');
          else history_(undoActor(), 'actors.undone');
        }}
      >
        <div className="actors-toolbar" role="toolbar" aria-label={t('actors.title')}>
          {selectedName && !existing && (
            <button
              type="button"
              onClick={() =>
                open({
                  id: null,
                  initial: blankFields(selectedName),
                  title: t('actors.newActor'),
                })
              }
            >
              {t('actors.fromSelection', { name: selectedName })}
            </button>
          )}
          <button
            type="button"
            onClick={() => open({ id: null, initial: blankFields(), title: t('actors.newActor') })}
          >
            {t('actors.newActor')}
          </button>
          <button
            type="button"
            disabled={!history.undo}
            onClick={() => history_(undoActor(), 'actors.undone')}
          >
            {history.undo
              ? t('actors.undoNamed', { name: editText(history.undo) })
              : t('actors.undo')}
          </button>
          <button
            type="button"
            disabled={!history.redo}
            onClick={() => history_(redoActor(), 'actors.redone')}
          >
            {history.redo
              ? t('actors.redoNamed', { name: editText(history.redo) })
              : t('actors.redo')}
          </button>
        </div>
        {existing && <p className="actors-note">{t('actors.existing', { name: selectedName })}</p>}
        {editing && (
          <ActorForm
            key={`${editing.id}:${editing.initial.nameAr}`}
            title={editing.title}
            initial={editing.initial}
            errors={errors}
            onCancel={() => open(null)}
            onSave={(fields) =>
              run(
                editing.id ? editActor(editing.id, fields) : createActor(fields),
                editing.id ? 'actors.saved' : 'actors.created',
                () => setEditing(null),
              )
            }
          />
        )}
        <p role="status" className="actors-status">
          {message}
        </p>
        {actors.length === 0 ? (
          <p className="empty">{t('actors.empty')}</p>
        ) : (
          <table className="actors-table" aria-label={t('actors.list')}>
            <thead>
              <tr>
                <th scope="col">{t('actors.colMerge')}</th>
                <th scope="col">{t('actors.nameAr')}</th>
                <th scope="col">{t('actors.nameEn')}</th>
                <th scope="col">{t('actors.kind')}</th>
                <th scope="col">{t('actors.affiliation')}</th>
                <th scope="col">{t('actors.colAliases')}</th>
                <th scope="col">{t('actors.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {actors.map((a) => {
                const name = a.nameAr || a.nameEn;
                return (
                  <tr key={a.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('actors.pick', { name })}
                        checked={picked.includes(a.id)}
                        onChange={(e) =>
                          setPicked((p) =>
                            e.target.checked ? [...p, a.id] : p.filter((x) => x !== a.id),
                          )
                        }
                      />
                    </td>
                    <th scope="row" dir="rtl" lang="ar">
                      {a.nameAr}
                    </th>
                    <td dir="ltr">{a.nameEn}</td>
                    <td>{t(KIND_NAMES[a.kind])}</td>
                    <td dir="auto">{a.affiliation}</td>
                    <td dir="auto" className="actor-alias-cell">
                      {a.aliases.join('، ')}
                    </td>
                    <td className="actor-row-actions">
                      <button
                        type="button"
                        aria-label={t('actors.edit', { name })}
                        onClick={() =>
                          open({
                            id: a.id,
                            initial: fieldsOf(a),
                            title: t('actors.edit', { name }),
                          })
                        }
                      >
                        {t('actors.editButton')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={t('actors.delete', { name })}
                        onClick={() => run(deleteActor(a.id), 'actors.deleted')}
                      >
                        {t('actors.deleteButton')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {picked.length >= 2 && (
          <MergeBar
            actors={actors.filter((a) => picked.includes(a.id))}
            keep={keep}
            onKeep={setKeep}
            t={t}
            onMerge={(keepId) =>
              run(
                mergeActors(
                  keepId,
                  picked.filter((id) => id !== keepId),
                ),
                'actors.merged',
                () => setPicked([]),
              )
            }
          />
        )}
      </div>
    </Dialog>
  );
}

function MergeBar({
  actors,
  keep,
  onKeep,
  onMerge,
  t,
}: {
  actors: ActorRecord[];
  t: Translate;
  keep: string | null;
  onKeep: (id: string) => void;
  onMerge: (keepId: string) => void;
}): React.JSX.Element {
  const kept = actors.some((a) => a.id === keep) ? keep! : actors[0]!.id;
  return (
    <div className="actors-merge" role="group" aria-label={t('actors.merge', { n: actors.length })}>
      <label>
        {t('actors.keep')}
        <select value={kept} onChange={(e) => onKeep(e.target.value)}>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.nameAr || a.nameEn}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => onMerge(kept)}>
        {t('actors.merge', { n: actors.length })}
      </button>
    </div>
  );
}

function fieldsOf(a: ActorRecord): ActorFields {
  return {
    nameAr: a.nameAr,
    nameEn: a.nameEn,
    kind: a.kind,
    affiliation: a.affiliation,
    aliases: [...a.aliases],
  };
}

/** The actor a name names (a name or alias, folded as core compares names). */
function findNamed(actors: readonly ActorRecord[], name: string): ActorRecord | null {
  return new ActorIndex(actors).named(name)[0] ?? null;
}
