import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { chinaToday } from '../common/validation/china-today.js';

/** A generated value and the paths (`input.values[].metricKey`) where it put something hostile. */
export interface Generated {
  value: unknown;
  hostile: string[];
}

/**
 * Ids a generated argument may name: the caller's own rows by table (so `termId` names a term), and
 * others' rows for the hostile side.
 */
export interface IdPools {
  own: Readonly<Record<string, readonly string[]>>;
  foreign: readonly string[];
  /** The table an argument's `id` names, for the mutation being generated (`updateDeputy` → deputy). */
  idTable?: string;
}

/** The table an id field names, from its name. */
const ID_TABLES: Record<string, string> = {
  termId: 'term',
  sessionId: 'congress_session',
  groupId: 'deputy_group',
  stationId: 'station',
  deputyId: 'deputy',
  proposerIds: 'deputy',
  townshipId: 'township',
  countyId: 'county',
};

/** Integers a field of this name accepts, so a call with one fault reaches the checks behind it. */
const PLAUSIBLE_INTS: Record<string, readonly number[]> = {
  year: [2021, 2025],
  quarter: [1, 2, 3, 4],
  expectedVersion: [0, 1],
  birthYear: [1970, 1985],
  replyWorkingDays: [5, 20],
  scheduleDayOfMonth: [1, 15],
  scheduleWeekOfMonth: [1, 2],
  scheduleWeekday: [1, 3],
  deputiesPerReception: [2],
  days: [1, 10],
};

const lastName = (path: string) => path.replace(/\[\]/g, '').split('.').pop()!;

function ownIds(path: string, ids: IdPools): readonly string[] {
  const name = lastName(path);
  const table = name === 'id' ? ids.idTable : ID_TABLES[name];
  const pool = table ? ids.own[table] : undefined;
  return pool && pool.length > 0 ? pool : Object.values(ids.own).flat();
}

const MEGABYTE = 'x'.repeat(1_000_000);

/** Strings no field should store as they are, or choke on. */
export const HOSTILE_STRINGS: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0003',
  'line\nbreak',
  'tab\there',
  'bell\u0007',
  'escape\u001b[31m',
  'del\u007f',
  'c1\u0085',
  '\u202Eevil\u202C',
  'iso\u2066late\u2069',
  'zero\u200Bwidth',
  'join\u200D',
  '\uFEFFbom',
  'word\u2060joiner',
  '',
  ' ',
  '\u3000\t ',
  '\ud800',
  'x\udc00y',
  MEGABYTE,
  '字'.repeat(100_000),
  "'; drop table deputy; --",
  "' or '1'='1",
  '"; select pg_sleep(10); --',
  '$1',
  '%s%n%x',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '../../etc/passwd',
  '\\',
  '\\u0000',
  'null',
  'undefined',
  '🏘️👨‍👩‍👧',
  'a'.repeat(101),
  'x'.repeat(20_001),
];

const TODAY = chinaToday();
const INTS = [0, 1, -1, 2, 4, 5, 13, 2021, 2025, 2147483647, -2147483648, 2147483648, -2147483649, 2 ** 53, 1.5];
const FLOATS = [0, -0, 1.5, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 123456789.12345679];
const DATES = [
  '0001-01-01',
  '0000-01-01',
  '1949-09-30',
  '9999-12-31',
  '2025-02-30',
  '2025-13-01',
  '20250101',
  'today',
  '',
];
const INSTANTS = [
  '0001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '-271821-04-20T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2025-02-30T00:00:00Z',
  'yesterday',
];
const JSON_VALUES: readonly unknown[] = [
  { q: '\u0000' },
  { '\u0000': 1 },
  { deep: { deeper: { deepest: ['\u202E', 1e308] } } },
  { big: MEGABYTE },
  {},
];
const BAD_IDS = ['', ' ', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', "1'; drop table deputy; --", '\u0000'];

/** Reasonable values, so that generated calls also get past the first check and write. */
function plausible(typeName: string, path: string, ids: IdPools): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'String':
      return fc.constantFrom(
        '调研',
        '走访群众',
        '张三',
        'key-0001-fuzz',
        'letters_received',
        'fuzz.user1',
        'fuzz_metric',
        'a-long-password-1',
      );
    case 'ID':
      return fc.constantFrom(...ownIds(path, ids));
    case 'Int':
      return fc.constantFrom(...(PLAUSIBLE_INTS[lastName(path)] ?? [0, 1, 2, 3, 5, 10]));
    case 'Float':
      return fc.constantFrom(0, 1, 12.5, 100);
    case 'Boolean':
      return fc.boolean();
    case 'LocalDate':
      return fc.constantFrom('2025-05-01', '2021-01-01', '2024-06-15', TODAY);
    case 'DateTimeISO':
      return fc.constantFrom('2025-07-10T15:59:00Z', '2026-01-10T15:59:00Z');
    case 'JSONObject':
      return fc.constantFrom({ first: 10 }, {});
    default:
      return fc.constant(null);
  }
}

function hostile(typeName: string, ids: IdPools): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'String':
      return fc.constantFrom(...HOSTILE_STRINGS);
    case 'ID':
      return fc.constantFrom(...ids.foreign, ...BAD_IDS, '01a24ba0-0000-7000-8000-000000000000');
    case 'Int':
      return fc.constantFrom(...INTS);
    case 'Float':
      return fc.constantFrom(...FLOATS);
    case 'LocalDate':
      return fc.constantFrom(...DATES);
    case 'DateTimeISO':
      return fc.constantFrom(...INSTANTS);
    case 'JSONObject':
      return fc.constantFrom(...JSON_VALUES);
    default:
      return fc.constantFrom('\u0000', 2 ** 31, true, null);
  }
}

const leaf = (value: fc.Arbitrary<unknown>, path: string | null): fc.Arbitrary<Generated> =>
  value.map((v) => ({ value: v, hostile: path === null ? [] : [path] }));

/**
 * Values for one GraphQL input type: each leaf plausible three times in four, otherwise hostile (strings
 * with NUL, controls, bidi, zero-width, 1 MB, injection patterns; extreme numbers and dates; other
 * townships' and malformed ids); optional fields sometimes left out or null.
 */
export function generatorFor(
  type: GraphQLInputType,
  path: string,
  ids: IdPools,
  hostileWeight: number,
  depth = 0,
  nullable = true,
): fc.Arbitrary<Generated> {
  if (isNonNullType(type)) return generatorFor(type.ofType, path, ids, hostileWeight, depth, false);
  const nonNull = (() => {
    if (isListType(type)) {
      return fc
        .array(generatorFor(type.ofType, `${path}[]`, ids, hostileWeight, depth + 1), { maxLength: depth > 1 ? 1 : 3 })
        .map((items) => ({ value: items.map((i) => i.value), hostile: items.flatMap((i) => i.hostile) }));
    }
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      return fc
        .tuple(
          ...fields.map((field) => {
            const gen = generatorFor(field.type, `${path}.${field.name}`, ids, hostileWeight, depth + 1);
            const optional = !isNonNullType(field.type) || field.defaultValue !== undefined;
            return optional
              ? fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: gen })
              : gen;
          }),
        )
        .map((values) => ({
          value: Object.fromEntries(
            fields.flatMap((field, i) => (values[i] === undefined ? [] : [[field.name, values[i]!.value]])),
          ),
          hostile: values.flatMap((v) => v?.hostile ?? []),
        }));
    }
    if (isEnumType(type)) {
      return fc.oneof(
        { weight: 3, arbitrary: leaf(fc.constantFrom(...type.getValues().map((v) => v.name)), null) },
        { weight: hostileWeight, arbitrary: leaf(fc.constantFrom('UNKNOWN', '', '\u0000', 1), path) },
      );
    }
    const name = isScalarType(type) ? type.name : 'unknown';
    return fc.oneof(
      { weight: 3, arbitrary: leaf(plausible(name, path, ids), null) },
      { weight: hostileWeight, arbitrary: leaf(hostile(name, ids), path) },
    );
  })();
  if (!nullable) return nonNull;
  return fc.oneof(
    { weight: 8, arbitrary: nonNull },
    { weight: 1, arbitrary: fc.constant<Generated>({ value: null, hostile: [] }) },
  );
}

interface Leaf {
  at: (string | number)[];
  display: string;
  type: GraphQLInputType;
}

/** The scalar and enum positions a value fills, with their types: where one fault can go. */
function leavesOf(type: GraphQLInputType, value: unknown, at: (string | number)[], display: string): Leaf[] {
  if (isNonNullType(type)) return leavesOf(type.ofType, value, at, display);
  if (isListType(type)) {
    return Array.isArray(value)
      ? value.flatMap((item, i) => leavesOf(type.ofType, item, [...at, i], `${display}[]`))
      : [];
  }
  if (isInputObjectType(type)) {
    if (value === null || typeof value !== 'object') return [];
    return Object.values(type.getFields()).flatMap((field) =>
      field.name in value
        ? leavesOf(
            field.type,
            (value as Record<string, unknown>)[field.name],
            [...at, field.name],
            `${display}.${field.name}`,
          )
        : [],
    );
  }
  return [{ at, display, type }];
}

function hostileFor(leafType: GraphQLInputType, ids: IdPools): fc.Arbitrary<unknown> {
  if (isEnumType(leafType)) return fc.constantFrom('UNKNOWN', '', '\u0000', 1);
  return hostile(isScalarType(leafType) ? leafType.name : 'unknown', ids);
}

function setAt(
  root: Record<string, unknown>,
  at: readonly (string | number)[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: Record<string | number, unknown> = copy;
  at.slice(0, -1).forEach((key) => (node = node[key] as Record<string | number, unknown>));
  node[at[at.length - 1]!] = value;
  return copy;
}

/**
 * The variables of one call: a value for every argument (optional ones sometimes left out). One call in
 * four is clean, so the write paths behind the input checks run too; most carry exactly one hostile value
 * (one fault at a time reaches the checks behind the first one); some carry hostile values anywhere.
 */
export function argumentsGenerator(args: readonly GraphQLArgument[], ids: IdPools): fc.Arbitrary<Generated> {
  const withWeight = (hostileWeight: number) =>
    fc.tuple(...args.map((arg) => generatorFor(arg.type, arg.name, ids, hostileWeight))).map((values) => ({
      value: Object.fromEntries(args.map((arg, i) => [arg.name, values[i]!.value])) as Record<string, unknown>,
      hostile: values.flatMap((v) => v.hostile),
    }));
  const clean = withWeight(0);
  const oneFault = clean.chain((generated) => {
    const leaves = args.flatMap((arg) => leavesOf(arg.type, generated.value[arg.name], [arg.name], arg.name));
    if (leaves.length === 0) return fc.constant<Generated>(generated);
    return fc.constantFrom(...leaves).chain((leaf) =>
      hostileFor(leaf.type, ids).map((bad) => ({
        value: setAt(generated.value, leaf.at, bad),
        hostile: [leaf.display],
      })),
    );
  });
  return fc.oneof(
    { weight: 2, arbitrary: clean },
    { weight: 5, arbitrary: oneFault },
    { weight: 1, arbitrary: withWeight(1) },
  );
}
/** Every leaf path of an input type, as generatorFor names them: what "every input field" means. */
export function leafPaths(type: GraphQLInputType, path: string, depth = 0): string[] {
  if (isNonNullType(type)) return leafPaths(type.ofType, path, depth);
  if (isListType(type)) return leafPaths(type.ofType, `${path}[]`, depth + 1);
  if (isInputObjectType(type))
    return Object.values(type.getFields()).flatMap((f) => leafPaths(f.type, `${path}.${f.name}`, depth + 1));
  return [path];
}
