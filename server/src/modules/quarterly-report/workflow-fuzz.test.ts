import fc from 'fast-check';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';

/**
 * Random and malformed input to every suggestion, calendar, deadline and quarterly-report mutation:
 * no response may be an internal error, and afterwards the database holds exactly what the accepted
 * responses said was written.
 */

// Mostly plausible values, so that some writes are accepted, mixed with malformed ones.
const date = fc.oneof(
  { arbitrary: fc.constantFrom('2021-09-24', '2021-10-20', '2022-05-05', '2023-03-01'), weight: 4 },
  { arbitrary: fc.constantFrom('1900-01-01', '2099-12-31', '2021-02-30', 'yesterday', ''), weight: 1 },
  {
    arbitrary: fc
      .date({ min: new Date('1940-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    weight: 1,
  },
);
const text = fc.oneof(
  { arbitrary: fc.constantFrom('修缮村道', '镇交通办', '已安排施工'), weight: 4 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ minLength: 290, maxLength: 320 }), weight: 1 },
  { arbitrary: fc.constantFrom('', null), weight: 1 },
);
const smallInt = fc.oneof(fc.integer({ min: -5, max: 130 }), fc.constant(null));
const number = fc.oneof(
  fc.double({ min: -10, max: 500, noNaN: true }),
  fc.integer({ min: 0, max: 40 }),
  fc.constant(null),
);

describe('write path under random and malformed input', () => {
  let t: TestServer;
  let deputies: string[];
  const suggestionIds: string[] = [];
  const lastState = new Map<string, string>();
  let created = 0;
  let submissions = 0;

  const id = () =>
    fc.oneof(
      fc.constantFrom(...(suggestionIds.length > 0 ? suggestionIds : ['00000000-0000-7000-8000-000000000000'])),
      fc.uuid(),
      fc.constantFrom('not-a-uuid', ''),
    );

  const send = async (query: string, variables: Record<string, unknown>, as = 'qunli.clerk') => {
    const res: GraphQLResponse<Record<string, { id?: string; state?: string } | null>> = await t.graphql(
      query,
      variables,
      { as },
    );
    for (const error of res.errors ?? [])
      expect([error.extensions?.['code'], error.message]).not.toContain('INTERNAL_SERVER_ERROR');
    return res;
  };
  const track = (res: GraphQLResponse<Record<string, { id?: string; state?: string } | null>>, field: string) => {
    const row = res.data?.[field];
    if (row?.id && row.state) lastState.set(row.id, row.state);
    return row;
  };

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
    const res = await t.graphql<{ deputies: { nodes: { id: string }[] } }>('{ deputies(first: 5) { nodes { id } } }');
    deputies = res.data!.deputies.nodes.map((d) => d.id);
  });
  afterAll(() => t.stop());

  it('never answers with an internal error, and stores only accepted writes', async () => {
    const before = await withDatabaseClient(t.database.url, async (su) => ({
      suggestions: Number((await su.query('select count(*) as n from suggestion')).rows[0].n),
      revisions: Number((await su.query('select count(*) as n from quarterly_report_revision')).rows[0].n),
      users: Number((await su.query('select count(*) as n from app_user')).rows[0].n),
      metrics: Number((await su.query('select count(*) as n from metric_definition')).rows[0].n),
      queries: Number((await su.query('select count(*) as n from saved_query')).rows[0].n),
    }));

    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: text,
          submittedOn: date,
          category: text,
          proposers: fc.oneof(
            { arbitrary: fc.subarray(deputies), weight: 4 },
            { arbitrary: fc.subarray([...deputies, 'x', '00000000-0000-7000-8000-000000000001']), weight: 1 },
          ),
        }),
        async (input) => {
          const res = await send(
            'mutation ($input: RecordSuggestionInput!) { recordSuggestion(input: $input) { id state } }',
            {
              input: {
                title: input.title,
                submittedOn: input.submittedOn,
                category: input.category,
                proposerIds: input.proposers,
              },
            },
          );
          const row = track(res, 'recordSuggestion');
          if (row?.id) {
            created += 1;
            suggestionIds.push(row.id);
          }
        },
      ),
      { numRuns: 40, seed: 4 },
    );

    const step = (mutation: string, inputType: string, input: fc.Arbitrary<Record<string, unknown>>) =>
      fc.record({ mutation: fc.constant(mutation), inputType: fc.constant(inputType), input });
    const steps = fc.oneof(
      step(
        'assignSuggestion',
        'AssignSuggestionInput',
        fc.record({ handlingUnit: text, assignedOn: date, replyWorkingDays: smallInt }),
      ),
      step('replySuggestion', 'ReplySuggestionInput', fc.record({ reply: text, repliedOn: date })),
      step(
        'completeSuggestion',
        'CompleteSuggestionInput',
        fc.record({
          completedOn: date,
          outcomeClass: fc.constantFrom('A', 'B', 'C', 'D', 'E', null),
          satisfaction: fc.constantFrom('SATISFIED', 'DISSATISFIED', null, 'MEH'),
        }),
      ),
      step('returnSuggestion', 'ReturnSuggestionInput', fc.record({ reason: text })),
    );
    await fc.assert(
      fc.asyncProperty(steps, id(), async ({ mutation, inputType, input }, target) => {
        const res = await send(
          `mutation ($id: ID!, $input: ${inputType}!) { ${mutation}(id: $id, input: $input) { id state } }`,
          {
            id: target,
            input,
          },
        );
        track(res, mutation);
      }),
      { numRuns: 120, seed: 5 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('startSuggestionHandling', 'resubmitSuggestion'),
        id(),
        async (mutation, target) => {
          track(await send(`mutation ($id: ID!) { ${mutation}(id: $id) { id state } }`, { id: target }), mutation);
        },
      ),
      { numRuns: 40, seed: 6 },
    );

    await fc.assert(
      fc.asyncProperty(
        fc.record({
          year: fc.oneof(
            { arbitrary: fc.integer({ min: 2022, max: 2024 }), weight: 4 },
            { arbitrary: fc.constantFrom(-1, 2027, 1999), weight: 1 },
          ),
          quarter: fc.oneof(
            { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 4 },
            { arbitrary: fc.constantFrom(-1, 0, 5), weight: 1 },
          ),
          idempotencyKey: fc.oneof(
            { arbitrary: fc.string({ minLength: 8, maxLength: 12 }), weight: 4 },
            { arbitrary: fc.string({ maxLength: 7 }), weight: 1 },
          ),
          expectedVersion: fc.oneof(
            { arbitrary: fc.constant(0), weight: 3 },
            { arbitrary: fc.integer({ min: -1, max: 3 }), weight: 1 },
          ),
          values: fc.array(
            fc.record({
              metricKey: fc.constantFrom('inspections', 'letter_reply_rate', 'bogus', ''),
              reportedValue: number,
              overrideReason: text,
            }),
            { maxLength: 3 },
          ),
          correctionReason: text,
        }),
        async (input) => {
          const res = await send(
            'mutation ($input: SubmitQuarterlyReportInput!) { submitQuarterlyReport(input: $input) { replayed unchanged report { id state } } }',
            { input },
          );
          const payload = res.data?.['submitQuarterlyReport'] as { replayed: boolean; unchanged: boolean } | undefined;
          if (payload && !payload.replayed && !payload.unchanged) submissions += 1;
        },
      ),
      { numRuns: 60, seed: 7 },
    );

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('accept', 'return', 'deadline', 'calendar'),
        id(),
        smallInt,
        text,
        date,
        async (kind, target, version, reason, day) => {
          if (kind === 'accept')
            await send(
              'mutation ($id: ID!, $v: Int!) { acceptQuarterlyReport(id: $id, expectedVersion: $v) { id } }',
              { id: target, v: version },
              'demo.staff',
            );
          if (kind === 'return')
            await send(
              'mutation ($id: ID!, $v: Int!, $r: String!) { returnQuarterlyReport(id: $id, expectedVersion: $v, reason: $r) { id } }',
              { id: target, v: version, r: reason },
              'demo.staff',
            );
          if (kind === 'deadline')
            await send(
              'mutation ($i: SetReportingDeadlineInput!) { setReportingDeadline(input: $i) { id } }',
              { i: { year: version, quarter: version, dueAt: day } },
              'demo.staff',
            );
          if (kind === 'calendar')
            await send(
              'mutation ($i: SetCalendarDayInput!) { setCalendarDay(input: $i) { id } }',
              { i: { day, kind: reason ? 'HOLIDAY' : 'WORKDAY', name: reason } },
              'demo.admin',
            );
        },
      ),
      { numRuns: 60, seed: 8 },
    );

    await withDatabaseClient(t.database.url, async (su) => {
      expect(Number((await su.query('select count(*) as n from suggestion')).rows[0].n)).toBe(
        before.suggestions + created,
      );
      expect(Number((await su.query('select count(*) as n from quarterly_report_revision')).rows[0].n)).toBe(
        before.revisions + submissions,
      );
      const ids = [...lastState.keys()];
      const { rows } = await su.query<{ id: string; state: string }>(
        'select id, state from suggestion where id = any($1)',
        [ids],
      );
      expect(new Map(rows.map((r) => [r.id, r.state]))).toEqual(lastState);
    });
    expect(created).toBeGreaterThan(0);
    expect(submissions).toBeGreaterThan(0);
    expect([...lastState.values()].some((state) => state !== 'SUBMITTED')).toBe(true);
  });
});
