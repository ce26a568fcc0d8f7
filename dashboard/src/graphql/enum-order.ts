/**
 * The values of a schema enum in the order the dashboard shows them (the generated const object is in
 * the schema's alphabetical order), checked complete: a value added to the schema fails the type check
 * until it is placed here. `enumOrder(UnknownReason, ['NOT_SUBMITTED', …])`.
 */
export function enumOrder<E extends string, const L extends readonly NoInfer<E>[]>(
  values: Readonly<Record<string, E>>,
  order: L & ([E] extends [L[number]] ? unknown : { missing: Exclude<E, L[number]> }),
): readonly E[] {
  void values;
  return order;
}
