import type {
  IsoDate,
  SeedCongressSession,
  SeedDeputy,
  SeedOutcomeClass,
  SeedSatisfaction,
  SeedSuggestion,
  SeedSuggestionState,
} from '../seed-dataset.js';
import { addDays } from '../dates/add-days.js';
import { workingDayNear } from '../dates/national-calendar-2021.js';
import { compareCodePoints } from './compare-code-points.js';
import type { SeededRandom } from './seeded-random.js';
import { stratifiedDate } from './stratified-date.js';
import type { SyntheticSuggestionPlan } from './synthetic-plan.js';

export interface GenerateSuggestionsInput {
  townshipKey: string;
  plan: SyntheticSuggestionPlan;
  sessions: readonly SeedCongressSession[];
  deputies: readonly SeedDeputy[];
  termStartedOn: IsoDate | null;
  latestDate: IsoDate;
  rng: SeededRandom;
}

/** A mix that walks every state of the handling pipeline, completed ones most common as in real registers. */
const VARIED_STATES: readonly SeedSuggestionState[] = [
  'COMPLETED',
  'REPLIED',
  'IN_PROGRESS',
  'COMPLETED',
  'ASSIGNED',
  'SUBMITTED',
  'RETURNED',
  'COMPLETED',
  'REPLIED',
  'COMPLETED',
  'IN_PROGRESS',
  'COMPLETED',
];
const VARIED_OUTCOMES: readonly SeedOutcomeClass[] = ['A', 'B', 'A', 'C', 'A', 'D', 'B'];

const REPLIES: Record<SeedOutcomeClass, string> = {
  A: '已采纳并落实',
  B: '已列入工作计划，正在推进',
  C: '受资金和条件限制，留作工作参考',
  D: '受政策限制暂不能解决，已向代表说明',
};

/** Handling deadline: three months after assignment, the usual rule for township suggestions. */
const DEADLINE_DAYS = 90;

function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** Synthetic suggestions, one per plan topic, each carried through a consistent chain of dates. */
export function generateSuggestions(input: GenerateSuggestionsInput): SeedSuggestion[] {
  const { townshipKey, plan, rng } = input;
  const count = plan.topics.length;
  const states: SeedSuggestionState[] =
    plan.mode === 'ALL_COMPLETED' ? plan.topics.map(() => 'COMPLETED') : rng.shuffle(VARIED_STATES.slice(0, count));
  const session =
    input.sessions.find((s) => s.startsOn !== null && s.startsOn >= plan.from && s.startsOn <= plan.to) ?? null;
  let outcomeIndex = 0;
  const rows = plan.topics.map((topic, i) => {
    const atSession = session !== null && rng.chance(plan.sessionShare);
    // Every step of the workflow is an office action: on a working day of the national calendar.
    const submittedOn =
      atSession && session.startsOn !== null
        ? session.startsOn
        : workingDayNear(stratifiedDate(rng, plan.from, plan.to, i, count), plan.to);
    const onWorkingDay = (date: IsoDate): IsoDate => workingDayNear(date, input.latestDate);
    const state = states[i] ?? 'SUBMITTED';
    const eligible = input.termStartedOn === null || submittedOn >= input.termStartedOn ? input.deputies : [];
    const assigned = state !== 'SUBMITTED' && state !== 'RETURNED';
    const replied = state === 'REPLIED' || state === 'COMPLETED';
    const assignedOn = assigned ? onWorkingDay(earlier(addDays(submittedOn, rng.int(2, 7)), input.latestDate)) : null;
    const repliedOn =
      replied && assignedOn !== null
        ? onWorkingDay(earlier(addDays(assignedOn, rng.int(10, 40)), input.latestDate))
        : null;
    const completedOn =
      state === 'COMPLETED' && repliedOn !== null
        ? onWorkingDay(earlier(addDays(repliedOn, rng.int(0, 20)), input.latestDate))
        : null;
    let outcomeClass: SeedOutcomeClass | null = null;
    if (replied && plan.mode === 'ALL_COMPLETED') outcomeClass = rng.chance(0.8) ? 'A' : 'B';
    else if (replied) outcomeClass = VARIED_OUTCOMES[outcomeIndex++ % VARIED_OUTCOMES.length] as SeedOutcomeClass;
    const rated = state === 'COMPLETED' || (state === 'REPLIED' && rng.chance(0.5));
    const satisfaction: SeedSatisfaction | null = rated
      ? rng.weighted([
          ['SATISFIED', 70],
          ['BASICALLY_SATISFIED', 25],
          ['DISSATISFIED', 5],
        ])
      : null;
    return {
      townshipKey,
      sessionKey: atSession && session !== null ? session.key : null,
      kind: rng.chance(0.2) ? ('OPINION' as const) : ('SUGGESTION' as const),
      title: topic.title,
      category: topic.category,
      handlingUnit: assigned ? rng.pick(plan.handlingUnits) : null,
      submittedOn,
      assignedOn,
      deadline: assignedOn !== null ? addDays(assignedOn, DEADLINE_DAYS) : null,
      state,
      repliedOn,
      reply:
        state === 'RETURNED'
          ? '不属于本级办理范围，已退回并向代表说明'
          : outcomeClass !== null
            ? REPLIES[outcomeClass]
            : null,
      completedOn,
      outcomeClass,
      satisfaction,
      proposerKeys: rng
        .sample(eligible, rng.int(1, 3))
        .map((d) => d.key)
        .sort(),
      provenance: 'SYNTHETIC' as const,
    };
  });
  return rows
    .sort((a, b) => compareCodePoints(a.submittedOn, b.submittedOn) || compareCodePoints(a.title, b.title))
    .map((row, i) => ({ key: `${townshipKey}-suggestion-${String(i + 1).padStart(2, '0')}`, ...row }));
}
