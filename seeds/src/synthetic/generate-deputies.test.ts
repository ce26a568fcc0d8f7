import { describe, expect, it } from '@jest/globals';
import { buildSeedDataset } from '../build-seed-dataset.js';
import { generateDeputies } from './generate-deputies.js';
import { SeededRandom } from './seeded-random.js';

const dataset = buildSeedDataset();

describe('generateDeputies', () => {
  it.each(dataset.townships.map((t) => t.key))('gives %s a realistic composition', (townshipKey) => {
    const roll = dataset.deputies.filter((d) => d.townshipKey === townshipKey);
    const share = (predicate: (d: (typeof roll)[number]) => boolean) => roll.filter(predicate).length / roll.length;
    const workersAndFarmers = share((d) => d.occupationCategory === 'FARMER' || d.occupationCategory === 'WORKER');
    expect(workersAndFarmers).toBeGreaterThanOrEqual(0.4);
    expect(workersAndFarmers).toBeLessThanOrEqual(0.5);
    expect(share((d) => d.occupationCategory === 'OFFICIAL')).toBeLessThanOrEqual(0.25);
    expect(share((d) => d.ethnicity === '汉族')).toBeGreaterThan(0.85);
    expect(share((d) => d.gender === 'FEMALE')).toBeGreaterThan(0.15);
    expect(roll.every((d) => d.birthYear !== null && d.birthYear >= 1962 && d.birthYear <= 1995)).toBe(true);
    expect(roll.filter((d) => d.occupationCategory === 'OFFICIAL').every((d) => d.party === 'CPC')).toBe(true);
    expect(new Set(roll.map((d) => d.name)).size).toBe(roll.length);
  });

  it('follows the cohorts and spreads deputies over groups and stations', () => {
    const deputies = generateDeputies({
      townshipKey: 't',
      termKey: 't-term-1',
      cohorts: [
        { level: 'TOWNSHIP', count: 10, electedOn: '2021-06-26', byElection: false },
        { level: 'COUNTY_OR_CITY', count: 2, electedOn: '2021-07-09', byElection: true },
      ],
      minorityEthnicities: [],
      groupKeys: ['g1', 'g2', 'g3'],
      stationKeys: ['s1', 's2'],
      stationAssignment: 'ROUND_ROBIN',
      rng: new SeededRandom('unit'),
      usedPhones: new Set(),
    });
    expect(deputies.filter((d) => d.level === 'TOWNSHIP' && !d.byElection)).toHaveLength(10);
    expect(
      deputies.filter((d) => d.level === 'COUNTY_OR_CITY' && d.byElection && d.electedOn === '2021-07-09'),
    ).toHaveLength(2);
    expect(new Set(deputies.map((d) => d.groupKey))).toEqual(new Set(['g1', 'g2', 'g3']));
    expect(new Set(deputies.map((d) => d.stationKey))).toEqual(new Set(['s1', 's2']));
    expect(deputies.every((d) => d.ethnicity === '汉族')).toBe(true);
  });

  it('attaches only the first group to the station under FIRST_GROUP_ONLY (群利镇)', () => {
    const qunli = dataset.deputies.filter((d) => d.townshipKey === 'qunli');
    expect(qunli.filter((d) => d.stationKey !== null).every((d) => d.groupKey === 'qunli-group-1')).toBe(true);
    expect(
      qunli.filter((d) => d.groupKey === 'qunli-group-1').every((d) => d.stationKey === 'qunli-station-jiulongpo'),
    ).toBe(true);
  });
});
