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
import { describeError } from '@core/errors.ts';
import type { ActorRecord } from '@core/model.ts';
import { Dialog } from '../components/Dialog.tsx';
import {
  createActor,
  deleteActor,
  editActor,
  mergeActors,
  redoActor,
  undoActor,
} from './actions.ts';
import { ActorForm, blankFields, KIND_NAMES } from './ActorForm.tsx';
import { useActorHistory, useActors } from './useActors.ts';
import './actors.css';

const T = {
  title: 'Actors',
  newActor: 'New actor',
  fromSelection: (name: string) => `New actor from “${name}”`,
  edit: (name: string) => `Edit ${name}`,
  editButton: 'Edit',
  deleteButton: 'Delete',
  undo: (name: string | null) => (name ? `Undo: ${name}` : 'Undo'),
  redo: (name: string | null) => (name ? `Redo: ${name}` : 'Redo'),
  list: 'Project actors',
  empty: 'No actors yet. Select a name in the article, then open this dialog to add it.',
  colAr: 'Arabic name',
  colEn: 'English name',
  colKind: 'Kind',
  colAffiliation: 'Affiliation',
  colAliases: 'Aliases',
  colActions: 'Actions',
  colMerge: 'Merge',
  pick: (name: string) => `Select ${name} for merging`,
  keep: 'Keep',
  merge: (n: number) => `Merge ${n} actors into the one kept`,
  done: (what: string, name: string) => `${what}: ${name}.`,
  undone: (what: string) => `Undid: ${what}.`,
  redone: (what: string) => `Redid: ${what}.`,
  existing: (name: string) => `“${name}” already names an actor.`,
};

type Editing = { id: string | null; initial: ActorFields; title: string } | null;

/** Props of ActorsDialog. */
export interface ActorsDialogProps {
  /** The words selected in the reading pane, offered as a new actor's name. */
  selectedText: string | null;
  onClose: () => void;
}

/** The modal list and editor of the project's actors. */
export function ActorsDialog({ selectedText, onClose }: ActorsDialogProps): React.JSX.Element {
  const actors = useActors();
  const history = useActorHistory();
  const [editing, setEditing] = useState<Editing>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [keep, setKeep] = useState<string | null>(null);
  const selectedName = selectedText ? nameFromSelection(selectedText) : '';
  const existing = selectedName ? findNamed(actors, selectedName) : null;

  const run = (p: Promise<ActorEditResult>, what: string, after?: () => void): void => {
    setMessage('');
    p.then(
      (r) => {
        if (!r.ok) return setErrors(r.errors);
        setErrors([]);
        setMessage([T.done(what, r.actor.nameAr || r.actor.nameEn), ...r.edit.warnings].join(' '));
        after?.();
      },
      (e: unknown) => setMessage(describeError(e)),
    );
  };
  const history_ = (p: Promise<string | null>, say: (n: string) => string): void => {
    p.then(
      (n) => n && setMessage(say(n)),
      (e: unknown) => setMessage(describeError(e)),
    );
  };
  const open = (e: Editing): void => {
    setErrors([]);
    setEditing(e);
  };

  return (
    <Dialog title={T.title} onClose={onClose} className="actors-dialog">
      <div
        className="actors-body"
        onKeyDown={(e) => {
          const field = (e.target as Element).closest('input, textarea, select');
          if (field || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
          e.preventDefault();
          if (e.shiftKey) history_(redoActor(), T.redone);
          else history_(undoActor(), T.undone);
        }}
      >
        <div className="actors-toolbar" role="toolbar" aria-label={T.title}>
          {selectedName && !existing && (
            <button
              type="button"
              onClick={() =>
                open({ id: null, initial: blankFields(selectedName), title: T.newActor })
              }
            >
              {T.fromSelection(selectedName)}
            </button>
          )}
          <button
            type="button"
            onClick={() => open({ id: null, initial: blankFields(), title: T.newActor })}
          >
            {T.newActor}
          </button>
          <button
            type="button"
            disabled={!history.undo}
            onClick={() => history_(undoActor(), T.undone)}
          >
            {T.undo(history.undo)}
          </button>
          <button
            type="button"
            disabled={!history.redo}
            onClick={() => history_(redoActor(), T.redone)}
          >
            {T.redo(history.redo)}
          </button>
        </div>
        {existing && <p className="actors-note">{T.existing(selectedName)}</p>}
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
                editing.id ? 'Saved' : 'Created',
                () => setEditing(null),
              )
            }
          />
        )}
        <p role="status" className="actors-status">
          {message}
        </p>
        {actors.length === 0 ? (
          <p className="empty">{T.empty}</p>
        ) : (
          <table className="actors-table" aria-label={T.list}>
            <thead>
              <tr>
                <th scope="col">{T.colMerge}</th>
                <th scope="col">{T.colAr}</th>
                <th scope="col">{T.colEn}</th>
                <th scope="col">{T.colKind}</th>
                <th scope="col">{T.colAffiliation}</th>
                <th scope="col">{T.colAliases}</th>
                <th scope="col">{T.colActions}</th>
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
                        aria-label={T.pick(name)}
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
                    <td>{KIND_NAMES[a.kind]}</td>
                    <td dir="auto">{a.affiliation}</td>
                    <td dir="auto" className="actor-alias-cell">
                      {a.aliases.join('، ')}
                    </td>
                    <td className="actor-row-actions">
                      <button
                        type="button"
                        aria-label={T.edit(name)}
                        onClick={() =>
                          open({ id: a.id, initial: fieldsOf(a), title: T.edit(name) })
                        }
                      >
                        {T.editButton}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`${T.deleteButton} ${name}`}
                        onClick={() => run(deleteActor(a.id), 'Deleted')}
                      >
                        {T.deleteButton}
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
            onMerge={(keepId) =>
              run(
                mergeActors(
                  keepId,
                  picked.filter((id) => id !== keepId),
                ),
                'Merged into',
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
}: {
  actors: ActorRecord[];
  keep: string | null;
  onKeep: (id: string) => void;
  onMerge: (keepId: string) => void;
}): React.JSX.Element {
  const kept = actors.some((a) => a.id === keep) ? keep! : actors[0]!.id;
  return (
    <div className="actors-merge" role="group" aria-label={T.merge(actors.length)}>
      <label>
        {T.keep}
        <select value={kept} onChange={(e) => onKeep(e.target.value)}>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.nameAr || a.nameEn}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => onMerge(kept)}>
        {T.merge(actors.length)}
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
