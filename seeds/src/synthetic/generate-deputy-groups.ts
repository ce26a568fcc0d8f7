import type { SeedDeputyGroup } from '../seed-dataset.js';
import { chineseNumeral } from './chinese-numeral.js';

/** Synthetic deputy groups named by ordinal, numbered after any reported groups. */
export function generateDeputyGroups(townshipKey: string, count: number, firstNumber: number): SeedDeputyGroup[] {
  return Array.from({ length: count }, (_, i) => {
    const n = firstNumber + i;
    return {
      key: `${townshipKey}-group-${n}`,
      townshipKey,
      name: `第${chineseNumeral(n)}代表小组`,
      provenance: 'SYNTHETIC',
    };
  });
}
