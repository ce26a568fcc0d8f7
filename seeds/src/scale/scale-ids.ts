/**
 * Deterministic UUIDs: kind, township and row number packed into the 32 hex digits, so a row generated
 * in one COPY pass can reference a row of another table without keeping ids in memory (38,000
 * townships × 53 deputies would not fit comfortably, and the ids must be identical on every run).
 */
export const ID_KIND = {
  county: 1,
  township: 2,
  term: 3,
  station: 4,
  deputyGroup: 5,
  deputy: 6,
  activity: 7,
  participant: 8,
  suggestion: 9,
  proposer: 10,
  voterContact: 11,
  report: 12,
  reportValue: 13,
  user: 14,
  metric: 15,
} as const;

export type IdKind = keyof typeof ID_KIND;

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

/** `kkkk tttttttt nnnn…` laid out as 8-4-4-4-12. */
export function scaleId(kind: IdKind, owner: number, row: number): string {
  const digits = hex(ID_KIND[kind], 4) + hex(owner, 8) + hex(row, 20);
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
}
