/** How review lists annotators and names them. */
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord } from '@core/model.ts';

const KIND_ORDER = { self: 0, colleague: 1, gold: 2 } as const;

/** Self first, then colleagues by name, gold last (a new array). */
export function sortAnnotators(list: readonly AnnotatorRecord[]): AnnotatorRecord[] {
  return [...list].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name),
  );
}

/** A display name for an annotator id. */
export function nameIn(annotators: readonly AnnotatorRecord[], id: string): string {
  if (id === GOLD_ANNOTATOR_ID) return 'Gold';
  return annotators.find((a) => a.id === id)?.name ?? id;
}
