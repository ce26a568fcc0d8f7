import type { GraphQLResponse } from './test-server.js';

/** What every reason looks like (AppError.reason, `extensions.reason`). */
export const REASON_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/**
 * A refused operation: no data, and one error with the code, a reason, the offending field's path, and
 * both messages. `field: undefined` skips the path (GraphQL's own variable coercion errors carry none);
 * `reason`, when given, must be the refusal's exact reason, otherwise any well-formed one.
 */
export function expectRefusal(
  res: GraphQLResponse<unknown>,
  code: string,
  field?: readonly (string | number)[] | null,
  reason?: string,
): void {
  expect(res.errors?.length).toBeGreaterThan(0);
  const extensions = res.errors![0]!.extensions ?? {};
  expect(extensions['code']).toBe(code);
  expect(extensions['reason']).toEqual(reason ?? expect.stringMatching(REASON_PATTERN));
  if (field !== undefined) {
    expect(extensions['field']).toEqual(field);
    expect(extensions['messageZh']).toEqual(expect.any(String));
    expect(extensions['messageEn']).toEqual(expect.any(String));
  }
  const data = res.data as Record<string, unknown> | null | undefined;
  for (const value of Object.values(data ?? {})) expect(value).toBeNull();
}
