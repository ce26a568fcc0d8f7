import { describe, expect, it } from '@jest/globals';
import { compareCanonical } from '../check.js';
import { documentDepth, readDashboardDocuments } from './dashboard-documents.js';
import { pageFacts } from './page-check.js';
import { PAGE_OPERATIONS } from './page-operations.js';

describe('page-load answers as facts', () => {
  const ours = {
    data: {
      quarterlyReports: {
        nodes: [{ id: 'r1', state: 'SUBMITTED', values: [{ metricKey: 'a', reportedValue: 3, qualifier: 'EXACT' }] }],
      },
    },
  };
  const theirs = (value: number) => ({
    data: {
      allQuarterlyReports: {
        nodes: [
          {
            rowId: 'r1',
            state: 'SUBMITTED',
            quarterlyReportValuesByCountyIdAndTownshipIdAndReportId: {
              nodes: [{ metricKey: 'a', reportedValue: value, qualifier: 'EXACT' }],
            },
          },
        ],
      },
    },
  });

  it("renames PostGraphile's answer into the dashboard's shape: the same rows are the same facts", () => {
    const a = pageFacts('PreviousQuarterReport', 'renda', ours);
    expect(compareCanonical(a, pageFacts('PreviousQuarterReport', 'postgraphile', theirs(3)))).toEqual({
      equal: true,
      detail: '5 facts', // id, state, and the value's key, figure and qualifier
    });
  });

  it('tells a different value apart, and compares timestamps as instants', () => {
    const a = pageFacts('PreviousQuarterReport', 'renda', ours);
    expect(compareCanonical(a, pageFacts('PreviousQuarterReport', 'postgraphile', theirs(4))).equal).toBe(false);
    const at = (updatedAt: string) =>
      pageFacts('SavedQueries', 'floor', { data: { savedQueries: [{ id: 'q', updatedAt }] } });
    expect(compareCanonical(at('2026-12-07T01:00:00.000Z'), at('2026-12-07T09:00:00+08:00')).equal).toBe(true);
    expect(compareCanonical(at('2026-12-07T01:00:00.000Z'), at('2026-12-07T01:00:01+00:00')).equal).toBe(false);
  });
});

describe("the dashboard's documents", () => {
  const documents = readDashboardDocuments();

  it('has every page-load operation, with the fragments it spreads', () => {
    for (const op of PAGE_OPERATIONS) expect(documents.operationNames()).toContain(op.name);
    expect(documents.document('AnnualSummary')).toContain('fragment SummaryFields on AnnualSummary');
  });

  it('counts nesting depth without connection wrappers', () => {
    expect(documentDepth('{ townships { nodes { deputies { nodes { activities { nodes { id } } } } } } }')).toBe(3);
    expect(documentDepth('{ a { b } c { d { e } } }')).toBe(2);
    // township → quarterlyReports → values (and figures → term)
    expect(documents.depth('TownshipOverview')).toBe(3);
    expect(documents.depth('TownshipList')).toBe(1);
  });
});
