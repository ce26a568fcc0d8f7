import 'reflect-metadata';
import { ArgumentValidationError } from 'type-graphql';
import { ConnectionArgs } from '../common/pagination/connection-args.js';
import { validateArgs } from './validate-args.js';

const resolverData = {} as Parameters<typeof validateArgs>[2];

function page(first: number): ConnectionArgs {
  return Object.assign(new ConnectionArgs(), { first });
}

async function outcome(value: unknown): Promise<string> {
  try {
    await validateArgs(value, Object, resolverData);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof ArgumentValidationError)) throw error;
    return error.extensions.validationErrors.map((e) => `${e.property}:${Object.keys(e.constraints ?? {})}`).join(',');
  }
}

describe('argument validation: class-validator on object arguments, as type-graphql runs it', () => {
  it('refuses an object argument that breaks a constraint, with the property and the constraint', async () => {
    expect(await outcome(page(20))).toBe('accepted');
    expect(await outcome(page(0))).toBe('accepted');
    expect(await outcome(page(201))).toBe('first:max');
    expect(await outcome(page(-1))).toBe('first:min');
  });

  it('checks each object of a list, and leaves scalars, nulls and plain values alone', async () => {
    expect(await outcome([page(3), page(500), null, 7])).toBe('first:max');
    expect(await outcome([page(3), page(4)])).toBe('accepted');
    for (const value of [null, undefined, 5, 'text', true]) expect(await outcome(value)).toBe('accepted');
  });

  it('skips missing properties, as type-graphql does', async () => {
    const partial = new ConnectionArgs();
    delete (partial as Partial<ConnectionArgs>).first;
    expect(await outcome(partial)).toBe('accepted');
  });
});
