import { startTestServer, type GraphQLResponse, type TestServer } from '../../test-support/test-server.js';
import { withDatabaseClient } from '../../test-support/test-cluster.js';

interface SuggestionView {
  id: string;
  state: string;
  deadline: string | null;
  handlingUnit: string | null;
  repliedOn: string | null;
  outcomeClass: string | null;
  returnReason: string | null;
  proposers: { id: string }[];
}

const FIELDS = 'id state deadline handlingUnit repliedOn outcomeClass returnReason proposers { id }';
const codeOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['code'];
const fieldOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.['field'];

describe('suggestion workflow and working-day deadlines', () => {
  let t: TestServer;
  let qunliDeputies: string[];
  let simengDeputy: string;

  const record = (input: Record<string, unknown>, as = 'qunli.clerk') =>
    t.graphql<{ recordSuggestion: SuggestionView }>(
      `mutation ($input: RecordSuggestionInput!) { recordSuggestion(input: $input) { ${FIELDS} } }`,
      { input },
      { as },
    );
  const step = (mutation: string, id: string, input?: Record<string, unknown>, inputType?: string) =>
    t.graphql<Record<string, SuggestionView>>(
      input
        ? `mutation ($id: ID!, $input: ${inputType}!) { ${mutation}(id: $id, input: $input) { ${FIELDS} } }`
        : `mutation ($id: ID!) { ${mutation}(id: $id) { ${FIELDS} } }`,
      { id, input },
      { as: 'qunli.clerk' },
    );
  const assign = (id: string, input: Record<string, unknown>) =>
    step('assignSuggestion', id, input, 'AssignSuggestionInput');
  const reply = (id: string, input: Record<string, unknown>) =>
    step('replySuggestion', id, input, 'ReplySuggestionInput');
  const complete = (id: string, input: Record<string, unknown>) =>
    step('completeSuggestion', id, input, 'CompleteSuggestionInput');
  const newSuggestion = async (submittedOn = '2021-09-20') => {
    const res = await record({
      title: '修缮村道',
      category: '交通',
      submittedOn,
      proposerIds: qunliDeputies.slice(0, 2),
    });
    expect(res.errors).toBeUndefined();
    return res.data!.recordSuggestion.id;
  };

  beforeAll(async () => {
    t = await startTestServer({ defaultUser: 'qunli.clerk' });
    const mine = await t.graphql<{ deputies: { nodes: { id: string }[] } }>('{ deputies(first: 3) { nodes { id } } }');
    qunliDeputies = mine.data!.deputies.nodes.map((d) => d.id);
    const theirs = await t.graphql<{ deputies: { nodes: { id: string }[] } }>(
      '{ deputies(first: 1) { nodes { id } } }',
      {},
      { as: 'simeng.clerk' },
    );
    simengDeputy = theirs.data!.deputies.nodes[0]!.id;
  });
  afterAll(() => t.stop());

  it('records a suggestion with its proposers, and refuses foreign proposers, duplicates and future dates', async () => {
    const ok = await record({ title: '增设路灯', submittedOn: '2021-10-08', proposerIds: qunliDeputies.slice(0, 2) });
    expect(ok.data!.recordSuggestion).toMatchObject({ state: 'SUBMITTED', deadline: null });
    expect(ok.data!.recordSuggestion.proposers.map((p) => p.id).sort()).toEqual(qunliDeputies.slice(0, 2).sort());
    const foreign = await record({ title: 'x', submittedOn: '2021-10-08', proposerIds: [simengDeputy] });
    expect([codeOf(foreign), fieldOf(foreign)]).toEqual(['BAD_USER_INPUT', ['input', 'proposerIds', 0]]);
    const twice = await record({
      title: 'x',
      submittedOn: '2021-10-08',
      proposerIds: [qunliDeputies[0], qunliDeputies[0]],
    });
    expect(fieldOf(twice)).toEqual(['input', 'proposerIds']);
    const future = await record({ title: 'x', submittedOn: '2099-01-01', proposerIds: [] });
    expect([codeOf(future), fieldOf(future)]).toEqual(['BAD_USER_INPUT', ['input', 'submittedOn']]);
    const malformed = await record({ title: 'x', submittedOn: '2021-13-45', proposerIds: [] });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'submittedOn'],
      messageZh: '参数无效：input.submittedOn',
    });
    const tooLong = await record({ title: '长'.repeat(301), submittedOn: '2021-10-08', proposerIds: [] });
    expect([codeOf(tooLong), fieldOf(tooLong)]).toEqual(['BAD_USER_INPUT', ['input', 'title']]);
    const byStaff = await record({ title: 'x', submittedOn: '2021-10-08', proposerIds: [] }, 'demo.staff');
    expect(codeOf(byStaff)).toBe('FORBIDDEN');
  });

  it('sets the reply deadline in working days across the National Day holiday and its make-up days', async () => {
    const id = await newSuggestion();
    // Fri 2021-09-24 + 8 working days: Sun 9/26 (make-up), 27, 28, 29, 30, Fri 10/8, Sat 10/9 (make-up), Mon 10/11.
    const res = await assign(id, { handlingUnit: '镇交通办', assignedOn: '2021-09-24', replyWorkingDays: 8 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.assignSuggestion).toMatchObject({
      state: 'ASSIGNED',
      deadline: '2021-10-11',
      handlingUnit: '镇交通办',
    });
    const plain = await assign(await newSuggestion(), { handlingUnit: '镇农办', assignedOn: '2021-09-24' });
    // The default 20 working days from 9/24 end on 2021-10-27 with the holiday, 10/22 without.
    expect(plain.data!.assignSuggestion.deadline).toBe('2021-10-27');
  });

  it('lets a county admin extend the calendar, and deadlines follow it', async () => {
    const set = await t.graphql(
      'mutation { setCalendarDay(input: { day: "2021-09-27", kind: HOLIDAY, name: "县庆" }) { day kind countyId } }',
      {},
      { as: 'demo.admin' },
    );
    expect(set.errors).toBeUndefined();
    const clerkTry = await t.graphql(
      'mutation { setCalendarDay(input: { day: "2021-09-28", kind: HOLIDAY, name: "x" }) { day } }',
    );
    expect(codeOf(clerkTry)).toBe('FORBIDDEN');
    const res = await assign(await newSuggestion(), {
      handlingUnit: '镇交通办',
      assignedOn: '2021-09-24',
      replyWorkingDays: 8,
    });
    expect(res.data!.assignSuggestion.deadline).toBe('2021-10-12');
    await t.graphql('mutation { removeCalendarDay(day: "2021-09-27") }', {}, { as: 'demo.admin' });
  });

  it('moves through assigned → in progress → replied → completed, checking dates and outcome', async () => {
    const id = await newSuggestion();
    await assign(id, { handlingUnit: '镇交通办', assignedOn: '2021-09-24' });
    expect((await step('startSuggestionHandling', id)).data!.startSuggestionHandling.state).toBe('IN_PROGRESS');
    const early = await reply(id, { reply: '已安排施工', repliedOn: '2021-09-01' });
    expect([codeOf(early), fieldOf(early)]).toEqual(['BAD_USER_INPUT', ['input', 'repliedOn']]);
    const undated = await t.graphql('mutation ($id: ID!) { replySuggestion(id: $id, input: { reply: "x" }) { id } }', {
      id,
    });
    expect(codeOf(undated)).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect((await reply(id, { reply: '已安排施工', repliedOn: '2021-10-20' })).data!.replySuggestion).toMatchObject({
      state: 'REPLIED',
      repliedOn: '2021-10-20',
    });
    const noOutcome = await t.graphql(
      'mutation ($id: ID!) { completeSuggestion(id: $id, input: { completedOn: "2021-11-01" }) { id } }',
      { id },
    );
    expect(codeOf(noOutcome)).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const done = await complete(id, { completedOn: '2021-11-01', outcomeClass: 'A', satisfaction: 'SATISFIED' });
    expect(done.data!.completeSuggestion).toMatchObject({ state: 'COMPLETED', outcomeClass: 'A' });
  });

  it('refuses illegal transitions with CONFLICT: a completed suggestion is final', async () => {
    const id = await newSuggestion();
    const tooSoon = await complete(id, { completedOn: '2021-11-01', outcomeClass: 'B' });
    expect(codeOf(tooSoon)).toBe('CONFLICT');
    expect(tooSoon.errors?.[0]?.extensions?.['reason']).toBe('SUGGESTION_TRANSITION_NOT_ALLOWED');
    expect(tooSoon.errors?.[0]?.extensions?.['details']).toMatchObject({ from: 'SUBMITTED', to: 'COMPLETED' });
    await assign(id, { handlingUnit: '镇交通办', assignedOn: '2021-09-24' });
    await reply(id, { reply: '答复', repliedOn: '2021-10-20' });
    await complete(id, { completedOn: '2021-11-01', outcomeClass: 'C' });
    for (const res of [
      await step('resubmitSuggestion', id),
      await assign(id, { handlingUnit: 'x', assignedOn: '2021-11-02' }),
      await step('returnSuggestion', id, { reason: '不属于本级' }, 'ReturnSuggestionInput'),
      await step('startSuggestionHandling', id),
    ]) {
      expect([codeOf(res), res.errors?.[0]?.message]).toEqual(['CONFLICT', expect.any(String)]);
    }
    const stored = await withDatabaseClient(t.database.url, (su) =>
      su.query('select state from suggestion where id = $1', [id]),
    );
    expect(stored.rows[0]).toEqual({ state: 'COMPLETED' });
  });

  it('returns a suggestion with a reason and takes it back in after correction', async () => {
    const id = await newSuggestion();
    const returned = await step('returnSuggestion', id, { reason: '内容不属于本级职权' }, 'ReturnSuggestionInput');
    expect(returned.data!.returnSuggestion).toMatchObject({ state: 'RETURNED', returnReason: '内容不属于本级职权' });
    const again = await t.graphql<{ resubmitSuggestion: SuggestionView }>(
      'mutation ($id: ID!) { resubmitSuggestion(id: $id, title: "修缮村道（补充说明）") { id state } }',
      { id },
    );
    expect(again.data!.resubmitSuggestion.state).toBe('SUBMITTED');
  });

  it('finds overdue suggestions: assigned, deadline passed, not yet replied', async () => {
    const overdue = await newSuggestion('2021-06-01');
    await assign(overdue, { handlingUnit: '镇水务站', assignedOn: '2021-06-02', replyWorkingDays: 5 });
    const answered = await newSuggestion('2021-06-01');
    await assign(answered, { handlingUnit: '镇水务站', assignedOn: '2021-06-02', replyWorkingDays: 5 });
    await reply(answered, { reply: '已处理', repliedOn: '2021-06-05' });
    const res = await t.graphql<{ suggestions: { nodes: { id: string; state: string; deadline: string }[] } }>(
      '{ suggestions(first: 100, filter: { overdueAsOf: "2021-07-01" }) { nodes { id state deadline } } }',
    );
    const ids = res.data!.suggestions.nodes.map((n) => n.id);
    expect(ids).toContain(overdue);
    expect(ids).not.toContain(answered);
    for (const n of res.data!.suggestions.nodes) {
      expect(['ASSIGNED', 'IN_PROGRESS']).toContain(n.state);
      expect(n.deadline < '2021-07-01').toBe(true);
    }
  });
});
