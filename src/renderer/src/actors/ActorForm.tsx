/**
 * The form of one actor: Arabic and English names, kind, affiliation and
 * aliases (one per line). Used to create an actor (from a selected name
 * too) and to edit one; the caller saves and shows field errors.
 */
import { useId, useState } from 'react';
import type { ActorFields } from '@core/actors/operations.ts';
import type { FieldError } from '@core/actors/model.ts';
import { ACTOR_KINDS, type ActorKind } from '@core/model.ts';
import type { MessageId } from '../i18n/catalogs.ts';
import { problemWords } from '../i18n/problems.ts';
import { useT } from '../i18n/T.tsx';

/** The message id of each actor kind's display name, for the list and the form. */
export const KIND_NAMES: Readonly<Record<ActorKind, MessageId>> = {
  person: 'actors.kind.person',
  'party-or-faction': 'actors.kind.party',
  government: 'actors.kind.government',
  state: 'actors.kind.state',
};

/** The form's label of the field a refusal names (`aliases[2]`: the aliases box). */
function fieldLabel(field: string, t: (id: MessageId) => string): string {
  const top = /^[a-zA-Z]+/.exec(field)?.[0] ?? field;
  const id = FIELD_LABELS[top];
  return id ? t(id) : field;
}

const FIELD_LABELS: Readonly<Record<string, MessageId>> = {
  nameAr: 'actors.nameAr',
  nameEn: 'actors.nameEn',
  kind: 'actors.kind',
  affiliation: 'actors.affiliation',
  aliases: 'actors.aliasesField',
};

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
  const t = useT();
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
        {t('actors.nameAr')}
        <input
          dir="rtl"
          lang="ar"
          value={f.nameAr}
          onChange={(e) => set({ nameAr: e.target.value })}
        />
      </label>
      <label>
        {t('actors.nameEn')}
        <input dir="ltr" value={f.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />
      </label>
      <label>
        {t('actors.kind')}
        <select value={f.kind} onChange={(e) => set({ kind: e.target.value as ActorKind })}>
          {ACTOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_NAMES[k])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('actors.affiliation')}
        <input
          dir="auto"
          value={f.affiliation ?? ''}
          onChange={(e) => set({ affiliation: e.target.value })}
        />
      </label>
      <label className="actor-aliases">
        {t('actors.aliasesField')}
        <textarea
          dir="auto"
          rows={3}
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
        />
      </label>
      {errors.length > 0 && (
        <div role="alert" className="actor-errors">
          <ul className="error">
            {errors.map((e) => (
              <li key={`${e.field}:${e.problem.code}`}>
                {t('actors.errorIn', {
                  field: fieldLabel(e.field, t),
                  message: problemWords(t, e.problem),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actor-form-actions">
        <button type="submit">{t('actors.save')}</button>
        <button type="button" onClick={onCancel}>
          {t('actors.cancel')}
        </button>
      </div>
    </form>
  );
}
