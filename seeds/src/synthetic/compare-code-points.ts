/** Plain code-point order: unlike localeCompare it cannot differ between machines or ICU versions. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
