import type { MessageSchema } from './zh-CN';

/** The dotted paths of the strings of a message tree: { a: { b: 'x' } } → 'a.b'. */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * Every message key of zh-CN.ts ('common.loading', 'enums.activityType.STUDY'). vue-i18n's `t` accepts
 * any string, so a key is checked where it is built: a literal, or one of the functions below, never a
 * template string or `+` at the `t()` call (eslint.config.js forbids those).
 */
export type MessageKey = LeafPaths<MessageSchema>;

type Section = keyof MessageSchema;
type EnumLabels = MessageSchema['enums'];

/** A key of one section, checked: `messageKey('nav', view)` is 'nav.county-overview' for that view. */
export function messageKey<S extends Section, K extends keyof MessageSchema[S] & string>(
  section: S,
  name: K,
): `${S}.${K}` {
  return `${section}.${name}`;
}

/**
 * The label of an enum value (`enums.*`), checked: `enumLabel('activityType', a.type)` compiles only
 * when every value a.type may take has a label (zh-CN.ts declares each group as Record<Enum, string>).
 */
export function enumLabel<G extends keyof EnumLabels, V extends keyof EnumLabels[G] & string>(
  group: G,
  value: V,
): `enums.${G}.${V}` {
  return `enums.${group}.${value}`;
}
