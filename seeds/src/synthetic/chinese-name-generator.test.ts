import { describe, expect, it } from '@jest/globals';
import { ChineseNameGenerator } from './chinese-name-generator.js';
import { SeededRandom } from './seeded-random.js';

function names(seed: string, count: number): string[] {
  const generator = new ChineseNameGenerator(new SeededRandom(seed));
  return Array.from({ length: count }, (_, i) => generator.next(i % 3 === 0 ? 'FEMALE' : 'MALE'));
}

describe('ChineseNameGenerator', () => {
  it('is deterministic for a seed', () => {
    expect(names('roll', 50)).toEqual(names('roll', 50));
  });

  it('gives unique names of two to four Chinese characters', () => {
    const roll = names('large roll', 300);
    expect(new Set(roll).size).toBe(300);
    for (const name of roll) expect(name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
  });
});
