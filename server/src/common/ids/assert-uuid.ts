import { commonErrors } from '../errors/common.errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; a malformed one is the caller's mistake, not a database error. */
export function assertUuid(value: string, field: readonly (string | number)[]): void {
  if (!UUID.test(value)) throw commonErrors.invalidUuid(field, value);
}
