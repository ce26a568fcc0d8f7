import fc from 'fast-check';
import { chinaToday } from '../common/validation/china-today.js';

const TODAY = chinaToday();
const iso = (date: Date) => date.toISOString().slice(0, 10);
const dayAfter = (date: string) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000));

/** Anything JSON can carry where a field expects something else. */
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 5 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);

/** Mostly well-formed values, with a steady share of malformed ones, for property tests of mutations. */
export const inputArbitraries = {
  junk,

  /** Any Unicode (also control characters, NUL, unpaired surrogates), blank, one over the bound, or junk. */
  text(maxLength: number): fc.Arbitrary<unknown> {
    return fc.oneof(
      { weight: 16, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(maxLength, 30), unit: 'grapheme' }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '',
          '   ',
          '\u0000',
          'a\nb',
          '\ud800x',
          'x'.repeat(maxLength + 1),
          '字'.repeat(maxLength + 1),
        ),
      },
      { weight: 1, arbitrary: junk },
    );
  },

  /** Dates from 1949-10-01 to today, or out of range, impossible, malformed, or junk. */
  date(): fc.Arbitrary<unknown> {
    const valid = fc
      .date({ min: new Date('1949-10-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
      .map(iso);
    return fc.oneof(
      { weight: 16, arbitrary: valid },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          '1949-09-30',
          '0001-01-01',
          dayAfter(TODAY),
          '9999-12-31',
          '2025-02-30',
          '2025-13-01',
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom('20250101', '2025-1-1', 'today', '', '2025-01-01T00:00:00Z') },
      { weight: 1, arbitrary: junk },
    );
  },

  /** Integers in [min, max] mostly, else any 32-bit integer, beyond 32 bits, fractions, or junk. */
  int(min: number, max: number): fc.Arbitrary<unknown> {
    return fc.oneof(
      { weight: 16, arbitrary: fc.integer({ min, max }) },
      { weight: 2, arbitrary: fc.integer() },
      { weight: 1, arbitrary: fc.constantFrom(-1, 2 ** 31, -(2 ** 31) - 1, 1.5, Number.MAX_SAFE_INTEGER) },
      { weight: 1, arbitrary: junk },
    );
  },

  /** A value of the enum mostly, else another string or junk. */
  oneOf(values: readonly string[]): fc.Arbitrary<unknown> {
    return fc.oneof(
      { weight: 16, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constantFrom('active', 'UNKNOWN', '') },
      { weight: 1, arbitrary: junk },
    );
  },

  /** Ids from the pool (own and foreign rows) mostly, upper-cased, random UUIDs, malformed, or junk. */
  id(pool: readonly string[]): fc.Arbitrary<unknown> {
    return fc.oneof(
      { weight: 16, arbitrary: fc.constantFrom(...pool) },
      { weight: 1, arbitrary: fc.constantFrom(...pool).map((id) => id.toUpperCase()) },
      { weight: 1, arbitrary: fc.uuid() },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '',
          'not-a-uuid',
          '00000000-0000-0000-0000-00000000000g',
          "1'; drop table deputy; --",
        ),
      },
      { weight: 1, arbitrary: junk },
    );
  },

  /** Who sends it: the clerk mostly, sometimes a role that may not write. */
  caller(): fc.Arbitrary<string> {
    return fc.oneof(
      { weight: 10, arbitrary: fc.constant('qunli.clerk') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('qunli.viewer', 'simeng.clerk', 'demo.staff', 'demo.analyst', 'demo.admin'),
      },
    );
  },
};
