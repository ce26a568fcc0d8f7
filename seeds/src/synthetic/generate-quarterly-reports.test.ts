import { describe, expect, it } from '@jest/globals';
import { metricDefinitions } from '../metric-definitions.js';
import type { SeedPeriodFigure } from '../seed-dataset.js';
import { generateQuarterlyReports } from './generate-quarterly-reports.js';
import { SeededRandom } from './seeded-random.js';

function yearFigure(
  metricKey: string,
  value: number | null,
  qualifier: SeedPeriodFigure['qualifier'] = 'EXACT',
): SeedPeriodFigure {
  return {
    townshipKey: 't',
    metricKey,
    periodKind: 'YEAR',
    year: 2021,
    termKey: null,
    value,
    qualifier,
    provenance: 'REPORTED',
    note: null,
  };
}

function run(
  figures: SeedPeriodFigure[],
  events: Parameters<typeof generateQuarterlyReports>[0]['events'],
  placement = {},
) {
  const reports = generateQuarterlyReports({
    townshipKey: 't',
    year: 2021,
    figures,
    events,
    metrics: metricDefinitions,
    remainderPlacement: placement,
    rng: new SeededRandom('q'),
  });
  return (metricKey: string) => reports.map((r) => r.values.find((v) => v.metricKey === metricKey)?.value);
}

describe('generateQuarterlyReports', () => {
  it('anchors dated events and spreads only the remainder', () => {
    const values = run(
      [yearFigure('inspections', 10)],
      [
        { quarter: 2, amounts: { inspections: 1 } },
        { quarter: 2, amounts: { inspections: 1 } },
        { quarter: 4, amounts: { inspections: 1 } },
      ],
    )('inspections');
    expect(values.reduce((s, v) => (s as number) + (v as number), 0)).toBe(10);
    expect(values[1]).toBeGreaterThanOrEqual(2);
    expect(values[3]).toBeGreaterThanOrEqual(1);
  });

  it('leaves a metric fed by a year-only event unknown in every quarter, others untouched', () => {
    const values = run(
      [yearFigure('meetings_held', 2), yearFigure('inspections', 1)],
      [
        { quarter: null, amounts: { meetings_held: 1 } },
        { quarter: 3, amounts: { meetings_held: 1 } },
        { quarter: 2, amounts: { inspections: 1 } },
      ],
    );
    expect(values('meetings_held')).toEqual([null, null, null, null]);
    expect(values('inspections')).toEqual([0, 1, 0, 0]);
  });

  it('puts the remainder in the quarter it is placed in', () => {
    expect(
      run([yearFigure('livelihood_projects_voted', 2)], [], { livelihood_projects_voted: '2021-08-30' })(
        'livelihood_projects_voted',
      ),
    ).toEqual([0, 0, 2, 0]);
  });

  it('keeps a null annual figure null in every quarter, even when records exist', () => {
    expect(
      run(
        [yearFigure('government_reports_heard', null)],
        [{ quarter: 1, amounts: { government_reports_heard: 1 } }],
      )('government_reports_heard'),
    ).toEqual([null, null, null, null]);
  });

  it('refuses records that exceed the reported figure', () => {
    expect(() =>
      run(
        [yearFigure('inspections', 1)],
        [
          { quarter: 1, amounts: { inspections: 1 } },
          { quarter: 3, amounts: { inspections: 1 } },
        ],
      ),
    ).toThrow(/exceed/);
  });

  it('gives a rate its annual value in the quarters where its denominator has data', () => {
    const values = run(
      [yearFigure('letters_received', 3), yearFigure('letters_answered', 3), yearFigure('letter_reply_rate', 100)],
      [
        { quarter: 1, amounts: { letters_received: 1, letters_answered: 1 } },
        { quarter: 4, amounts: { letters_received: 2, letters_answered: 2 } },
      ],
    );
    expect(values('letters_received')).toEqual([1, 0, 0, 2]);
    expect(values('letter_reply_rate')).toEqual([100, null, null, 100]);
  });
});
