import fc from 'fast-check';
import { chinaToday } from '../common/validation/china-today.js';

const TODAY = chinaToday();
const iso = (date: Date) => date.toISOString().slice(0, 10);
const dayAfter = (date: string) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000));

/** Values an input field accepts, and values it should refuse (some of which may happen to pass). */
export interface FieldArbitrary {
  valid: fc.Arbitrary<unknown>;
  invalid: fc.Arbitrary<unknown>;
}

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

/** Field generators for property tests of mutations: mostly valid inputs with one fault, some chaos. */
export const inputArbitraries = {
  junk,

  /** Any Unicode; else blank, one over the bound, control characters, NUL, unpaired surrogates, or junk. */
  text(maxLength: number, ...taken: string[]): FieldArbitrary {
    return {
      valid: fc.string({ minLength: 1, maxLength: Math.min(maxLength, 30), unit: 'grapheme' }),
      invalid: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constantFrom(
            '',
            '   ',
            '\u0000',
            'a\nb',
            'a\u0007',
            '\ud800x',
            'x'.repeat(maxLength + 1),
            '字'.repeat(maxLength + 1),
          ),
        },
        { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
        { weight: taken.length > 0 ? 2 : 0, arbitrary: fc.constantFrom('', ...taken) },
        { weight: 1, arbitrary: junk },
      ),
    };
  },

  /** Dates from 1949-10-01 to today; else out of range, impossible, malformed, or junk. */
  date(): FieldArbitrary {
    return {
      valid: fc
        .date({ min: new Date('1949-10-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
        .map(iso),
      invalid: fc.oneof(
        fc.constantFrom('1949-09-30', '0001-01-01', dayAfter(TODAY), '9999-12-31', '2025-02-30', '2025-13-01'),
        fc.constantFrom('20250101', '2025-1-1', 'today', '', '2025-01-01T00:00:00Z'),
        junk,
      ),
    };
  },

  /** Integers in [min, max]; else any 32-bit integer, beyond 32 bits, fractions, or junk. */
  int(min: number, max: number): FieldArbitrary {
    return {
      valid: fc.integer({ min, max }),
      invalid: fc.oneof(
        fc.integer(),
        fc.constantFrom(min - 1, max + 1, -1, 2 ** 31, -(2 ** 31) - 1, 1.5, Number.MAX_SAFE_INTEGER),
        junk,
      ),
    };
  },

  /** A value of the enum; else other strings or junk. */
  oneOf(values: readonly string[], ...refused: string[]): FieldArbitrary {
    return {
      valid: fc.constantFrom(...values),
      invalid: fc.oneof(fc.constantFrom('active', 'UNKNOWN', '', ...refused), junk),
    };
  },

  boolean(): FieldArbitrary {
    return { valid: fc.boolean(), invalid: junk };
  },

  /** Ids of the caller's own rows (also upper-cased); else other townships' rows, random UUIDs, malformed, junk. */
  id(own: readonly string[], foreign: readonly string[]): FieldArbitrary {
    return {
      valid: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...own) },
        { weight: 1, arbitrary: fc.constantFrom(...own).map((id) => id.toUpperCase()) },
      ),
      invalid: fc.oneof(
        fc.constantFrom(...foreign),
        fc.uuid(),
        fc.constantFrom('', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', "1'; drop table deputy; --"),
        junk,
      ),
    };
  },

  /** A field that may also be null (and, in records, omitted). */
  optional(field: FieldArbitrary): FieldArbitrary {
    return { valid: fc.oneof(fc.constant(null), field.valid), invalid: field.invalid };
  },

  /**
   * An input object: a third valid, half with exactly one faulty field, the rest with any field faulty
   * and any key missing. One fault at a time reaches the checks behind the first one.
   */
  record(
    fields: Record<string, FieldArbitrary>,
    requiredKeys: readonly string[] = [],
  ): fc.Arbitrary<Record<string, unknown>> {
    const keys = Object.keys(fields);
    const valid = fc.record(Object.fromEntries(keys.map((key) => [key, fields[key]!.valid])), {
      requiredKeys: [...requiredKeys],
    }) as fc.Arbitrary<Record<string, unknown>>;
    const oneFault = fc
      .tuple(valid, fc.constantFrom(...keys))
      .chain(([input, key]) => fields[key]!.invalid.map((bad) => ({ ...input, [key]: bad })));
    const chaos = fc.record(
      Object.fromEntries(keys.map((key) => [key, fc.oneof(fields[key]!.valid, fields[key]!.invalid)])),
      { requiredKeys: [] },
    ) as fc.Arbitrary<Record<string, unknown>>;
    return fc.oneof(
      { weight: 4, arbitrary: valid },
      { weight: 5, arbitrary: oneFault },
      { weight: 1, arbitrary: chaos },
    );
  },

  /** An argument: valid mostly, else faulty. */
  arg(field: FieldArbitrary): fc.Arbitrary<unknown> {
    return fc.oneof({ weight: 3, arbitrary: field.valid }, { weight: 1, arbitrary: field.invalid });
  },

  /** Who sends it: the clerk mostly, sometimes a role that may not write or another township's clerk. */
  caller(): fc.Arbitrary<string> {
    return fc.oneof(
      { weight: 12, arbitrary: fc.constant('qunli.clerk') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('qunli.viewer', 'simeng.clerk', 'demo.staff', 'demo.analyst', 'demo.admin'),
      },
    );
  },
};
