import { enumOrder } from '../../graphql/enum-order';
import { MetricGroup } from '../../graphql/generated/schema-enums';

/** The catalog's order of sections (the generated enum is alphabetical). */
export const SECTION_ORDER = enumOrder(MetricGroup, [
  'SUPERVISION',
  'DEPUTY_ACTIVITIES',
  'SUGGESTIONS',
  'VOTER_CONTACT',
  'ELECTIONS',
  'OTHER',
]);

/** A section of the quarterly form: one catalog group and its metrics, in the order the server sends. */
export interface FormSection<V> {
  group: MetricGroup;
  values: V[];
}

/**
 * The draft's values by section. The server sends them ordered by section and catalog position (and
 * leaves election metrics out of a period without an election); this groups them, sections in the
 * catalog's order, metrics in the order they came.
 */
export function formSections<V extends { group: MetricGroup }>(values: readonly V[]): FormSection<V>[] {
  const byGroup = new Map<MetricGroup, V[]>();
  for (const v of values) {
    const list = byGroup.get(v.group) ?? [];
    list.push(v);
    byGroup.set(v.group, list);
  }
  return SECTION_ORDER.filter((g) => byGroup.has(g)).map((group) => ({ group, values: byGroup.get(group)! }));
}
