import type { GraphQLResponse } from './test-server.js';

/** The codes a write may be refused with; never INTERNAL_SERVER_ERROR, whatever the input. */
const REFUSAL = /^(BAD_USER_INPUT|FORBIDDEN|NOT_FOUND|CONFLICT)$/;

/**
 * The mutation's result when it was accepted, or null when it was refused for a reason a client can
 * act on: every error has a refusal code, and those raised by the server also name a field and both messages.
 */
export function acceptedOrRefused<T>(res: GraphQLResponse<Record<string, T | null>>, field: string): T | null {
  if (!res.errors) {
    expect(res.data?.[field]).toBeTruthy();
    return res.data![field]!;
  }
  for (const error of res.errors) {
    const extensions = error.extensions ?? {};
    // The message rides along so that a failure shows what the server said.
    expect({ message: error.message, code: extensions['code'] }).toEqual({
      message: error.message,
      code: expect.stringMatching(REFUSAL),
    });
    if ('messageZh' in extensions) {
      expect(extensions['messageEn']).toEqual(expect.any(String));
      if (extensions['code'] !== 'FORBIDDEN') expect(extensions['field']).toEqual(expect.any(Array));
    }
  }
  expect(res.data?.[field] ?? null).toBeNull();
  return null;
}
