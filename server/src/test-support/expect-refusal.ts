import type { GraphQLResponse } from './test-server.js';

/**
 * A refused operation: no data, and one error with the code, the offending field's path, and both
 * messages. `field: undefined` skips the path (GraphQL's own variable coercion errors carry none).
 */
export function expectRefusal(
  res: GraphQLResponse<unknown>,
  code: string,
  field?: readonly (string | number)[] | null,
): void {
  expect(res.errors?.length).toBeGreaterThan(0);
  const extensions = res.errors![0]!.extensions ?? {};
  expect(extensions['code']).toBe(code);
  if (field !== undefined) {
    expect(extensions['field']).toEqual(field);
    expect(extensions['messageZh']).toEqual(expect.any(String));
    expect(extensions['messageEn']).toEqual(expect.any(String));
  }
  const data = res.data as Record<string, unknown> | null | undefined;
  for (const value of Object.values(data ?? {})) expect(value).toBeNull();
}
