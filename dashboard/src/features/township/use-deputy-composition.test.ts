import { describe, expect, it } from '@jest/globals';
import { ref } from 'vue';
import { ageBand } from '../../utils/age-band';
import { computeComposition, useDeputyComposition, type DeputyForComposition } from './use-deputy-composition';

const deputy = (over: Partial<DeputyForComposition> = {}): DeputyForComposition => ({
  level: 'TOWNSHIP',
  gender: 'MALE',
  occupationCategory: 'FARMER',
  birthYear: 1970,
  ...over,
});

describe('ageBand', () => {
  it('bands by the age reached in the year', () => {
    expect(ageBand(1990, 2024)).toBe('UNDER_35');
    expect(ageBand(1989, 2024)).toBe('FROM_35_TO_44');
    expect(ageBand(1980, 2024)).toBe('FROM_35_TO_44');
    expect(ageBand(1979, 2024)).toBe('FROM_45_TO_54');
    expect(ageBand(1970, 2024)).toBe('FROM_45_TO_54');
    expect(ageBand(1969, 2024)).toBe('FROM_55');
    expect(ageBand(null, 2024)).toBe('UNKNOWN');
  });
});

describe('computeComposition', () => {
  const deputies = [
    deputy({ level: 'COUNTY_OR_CITY', gender: 'FEMALE', occupationCategory: 'WORKER', birthYear: 1995 }),
    deputy(),
    deputy({ occupationCategory: null, birthYear: null }),
    deputy({ gender: 'FEMALE', occupationCategory: 'OFFICIAL', birthYear: 1982 }),
  ];

  it('counts each dimension in a fixed order with shares', () => {
    const c = computeComposition(deputies, 2021);
    expect(c.total).toBe(4);
    expect(c.level).toEqual([
      { key: 'COUNTY_OR_CITY', count: 1, share: 0.25 },
      { key: 'TOWNSHIP', count: 3, share: 0.75 },
    ]);
    expect(c.gender.map((g) => [g.key, g.count])).toEqual([
      ['FEMALE', 2],
      ['MALE', 2],
    ]);
    expect(c.occupation.map((o) => [o.key, o.count])).toEqual([
      ['WORKER', 1],
      ['FARMER', 1],
      ['PROFESSIONAL', 0],
      ['OFFICIAL', 1],
      ['ENTERPRISE', 0],
      ['MILITARY', 0],
      ['OTHER', 0],
      ['UNKNOWN', 1],
    ]);
    expect(c.ageBand.map((a) => [a.key, a.count])).toEqual([
      ['UNDER_35', 1],
      ['FROM_35_TO_44', 1],
      ['FROM_45_TO_54', 1],
      ['FROM_55', 0],
      ['UNKNOWN', 1],
    ]);
  });

  it('leaves UNKNOWN out when everyone is known, and divides nothing by zero', () => {
    const c = computeComposition([deputy()], 2021);
    expect(c.occupation.some((o) => o.key === 'UNKNOWN')).toBe(false);
    expect(c.ageBand.some((a) => a.key === 'UNKNOWN')).toBe(false);
    const empty = computeComposition([], 2021);
    expect(empty.total).toBe(0);
    expect(empty.gender.every((g) => g.count === 0 && g.share === 0)).toBe(true);
  });
});

describe('useDeputyComposition', () => {
  it('follows its reactive inputs', () => {
    const list = ref<DeputyForComposition[] | null>(null);
    const year = ref(2021);
    const composition = useDeputyComposition(list, year);
    expect(composition.value.total).toBe(0);
    list.value = [deputy({ birthYear: 1990 })];
    expect(composition.value.total).toBe(1);
    expect(composition.value.ageBand.find((a) => a.count === 1)?.key).toBe('UNDER_35');
    year.value = 2030;
    expect(composition.value.ageBand.find((a) => a.count === 1)?.key).toBe('FROM_35_TO_44');
  });
});
