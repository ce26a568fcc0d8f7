/**
 * Copies the fields an update input carries onto the entity: an omitted field (undefined) keeps the stored
 * value, null clears a nullable column (required ones refuse null in validation).
 */
export function assignGiven<E extends object, K extends keyof E>(
  entity: E,
  input: { [P in K]?: E[P] },
  keys: readonly K[],
): void {
  for (const key of keys) {
    const value = input[key];
    if (value !== undefined) entity[key] = value as E[K];
  }
}
