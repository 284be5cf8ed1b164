/**
 * The form of one actor: Arabic and English names, kind, affiliation and
 * aliases (one per line). Used to create an actor (from a selected name
 * too) and to edit one; the caller saves and shows field errors.
 */
import { useId, useState } from 'react';
import type { ActorFields } from '@core/actors/operations.ts';
import type { FieldError } from '@core/actors/model.ts';
import { ACTOR_KINDS, type ActorKind } from '@core/model.ts';

const T = {
  nameAr: 'Arabic name',
  nameEn: 'English name',
  kind: 'Kind',
  affiliation: 'Affiliation',
  aliases: 'Aliases (one per line)',
  save: 'Save actor',
  cancel: 'Cancel',
  kinds: {
    person: 'Person',
    'party-or-faction': 'Party or faction',
    government: 'Government',
    state: 'State',
  } satisfies Record<ActorKind, string>,
  errorIn: (field: string, message: string) => `${field}: ${message}`,
};

/** The display names of actor kinds, for the list and the form. */
export const KIND_NAMES: Readonly<Record<ActorKind, string>> = T.kinds;

/** An empty actor, or one named `nameAr`. */
export function blankFields(nameAr = ''): ActorFields {
  return { nameAr, nameEn: '', kind: 'person', affiliation: null, aliases: [] };
}

/** Props of ActorForm. */
export interface ActorFormProps {
  /** Accessible name of the form (“New actor”, “Edit مصطفى الكاظمي”). */
  title: string;
  initial: ActorFields;
  errors: readonly FieldError[];
  onSave: (fields: ActorFields) => void;
  onCancel: () => void;
}

/** Edits an actor's fields; `onSave` gets them as typed (core cleans them). */
export function ActorForm({
  title,
  initial,
  errors,
  onSave,
  onCancel,
}: ActorFormProps): React.JSX.Element {
  const [f, setF] = useState(initial);
  const [aliases, setAliases] = useState(initial.aliases.join('\n'));
  const id = useId();
  const set = (patch: Partial<ActorFields>): void => setF((x) => ({ ...x, ...patch }));
  return (
    <form
      className="actor-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          ...f,
          affiliation: f.affiliation?.trim() ? f.affiliation : null,
          aliases: aliases.split('\n').filter((a) => a.trim() !== ''),
        });
      }}
    >
      <h3 id={`${id}-h`}>{title}</h3>
      <label>
        {T.nameAr}
        <input
          dir="rtl"
          lang="ar"
          value={f.nameAr}
          onChange={(e) => set({ nameAr: e.target.value })}
        />
      </label>
      <label>
        {T.nameEn}
        <input dir="ltr" value={f.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />
      </label>
      <label>
        {T.kind}
        <select value={f.kind} onChange={(e) => set({ kind: e.target.value as ActorKind })}>
          {ACTOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {T.kinds[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {T.affiliation}
        <input
          dir="auto"
          value={f.affiliation ?? ''}
          onChange={(e) => set({ affiliation: e.target.value })}
        />
      </label>
      <label className="actor-aliases">
        {T.aliases}
        <textarea
          dir="auto"
          rows={3}
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
        />
      </label>
      {errors.length > 0 && (
        <ul role="alert" className="error actor-errors">
          {errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>{T.errorIn(e.field, e.message)}</li>
          ))}
        </ul>
      )}
      <div className="actor-form-actions">
        <button type="submit">{T.save}</button>
        <button type="button" onClick={onCancel}>
          {T.cancel}
        </button>
      </div>
    </form>
  );
}
