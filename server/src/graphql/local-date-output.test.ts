import fc from 'fast-check';
import { GraphQLLocalDate } from 'graphql-scalars';
import { GraphQLScalarType, GraphQLSchema, GraphQLObjectType, GraphQLString } from 'graphql';
import { isLocalDateText, useLocalDateOutputCheck } from './local-date-output.js';

/** What graphql-scalars' own LocalDate serialisation makes of a value: the value, or its error's message. */
function original(value: unknown): unknown {
  try {
    return GraphQLLocalDate.serialize(value);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function schemaWithLocalDate(): GraphQLSchema {
  const type = new GraphQLScalarType(GraphQLLocalDate.toConfig());
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { on: { type }, name: { type: GraphQLString } } }),
  });
}

describe('LocalDate output: calendar dates by arithmetic, the same answers as graphql-scalars', () => {
  const schema = schemaWithLocalDate();
  useLocalDateOutputCheck(schema);
  const fast = schema.getType('LocalDate') as GraphQLScalarType;
  const serialized = (value: unknown): unknown => {
    try {
      return fast.serialize(value);
    } catch (error) {
      return { error: (error as Error).message };
    }
  };

  it.each([
    '2024-02-29',
    '2023-02-29',
    '2000-02-29',
    '1900-02-29',
    '2021-04-31',
    '2021-12-31',
    '2021-13-01',
    '2021-00-10',
    '2021-01-00',
    '0000-02-29',
    '9999-12-31',
    '2021-1-01',
    '2021/01/01',
    '2021-01-01T00:00:00Z',
    ' 2021-01-01',
    '',
  ])('%s', (value) => {
    expect(serialized(value)).toEqual(original(value));
    expect(isLocalDateText(value)).toBe(typeof original(value) === 'string');
  });

  it('agrees on any year, month and day, valid or not, and on non-strings', () => {
    const text = (n: number, width: number) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 33 }),
        (year, month, day) => {
          const value = `${text(year, 4)}-${text(month, 2)}-${text(day, 2)}`;
          expect(serialized(value)).toEqual(original(value));
        },
      ),
      { numRuns: 5000 },
    );
    for (const value of [null, 20210101, new Date('2021-01-01'), { on: '2021-01-01' }]) {
      expect(serialized(value)).toEqual(original(value));
    }
  });
});
