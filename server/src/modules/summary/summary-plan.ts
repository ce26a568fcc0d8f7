import { DatePrecision } from '../../common/enums/date-precision.enum.js';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import type { SummaryFact } from './dto/summary-fact.type.js';
import { activityFact, figureFact, recordFact } from './summary-facts.js';
import type { SourceActivity, SourceElection, SourceFigure, SummarySources } from './summary-sources.js';
import { amountText, dateRangeText, dateText, percentText, sessionNameInProse, variant } from './summary-wording.js';

/** One sentence before it is joined into the paragraph: an optional date that opens it, its body, its facts. */
export interface PlannedSentence {
  lead: string;
  body: string;
  facts: SummaryFact[];
}

/** The figures of one summary, each stated at most once. */
class Figures {
  private readonly stated = new Set<string>();
  constructor(private readonly figures: ReadonlyMap<string, SourceFigure>) {}

  /** The figure, if known, not stated yet and not 0 (a known nothing is left unsaid, never written "0次"). */
  get(key: string): SourceFigure | null {
    const figure = this.figures.get(key);
    return figure && !this.stated.has(key) && figure.value !== 0 ? figure : null;
  }

  /** The figure with its amount as prose, when it can be said as a number. */
  amount(key: string): { figure: SourceFigure; text: string } | null {
    const figure = this.get(key);
    const text = figure && amountText(figure.value, figure.qualifier, figure.unit);
    return figure && text ? { figure, text } : null;
  }

  use(...keys: string[]): void {
    for (const key of keys) this.stated.add(key);
  }
}

interface Planner {
  code: string;
  withYear: boolean;
  /** 全年 before a year's totals; nothing in a term summary, whose opening already names the term. */
  scope: string;
  townshipName: string;
  figures: Figures;
  /** Records a sentence may name one by one: never generated ones, which only ever count. */
  activities: SourceActivity[];
}

/**
 * The sentences of a summary in the order a 乡镇人大 work report takes: elections, congress sessions,
 * the presidium, study, supervision, campaigns and outreach, deputy groups and stations, suggestions,
 * contact with voters, written reports. Each states only known facts; a count a report gives only as
 * the number of events it lists is told by naming those events.
 */
export function planSummary(sources: SummarySources, withYear: boolean): PlannedSentence[] {
  const p: Planner = {
    code: sources.townshipCode,
    withYear,
    scope: withYear ? '' : '全年',
    townshipName: sources.townshipName,
    figures: new Figures(sources.figures),
    activities: sources.activities.filter((a) => a.provenance !== Provenance.SYNTHETIC),
  };
  const out: (PlannedSentence | null)[] = [
    ...sources.elections.map((e) => electionSentence(p, e)),
    byElectionFigures(p),
    ...p.activities.filter((a) => a.type === 'CONGRESS_SESSION').map((a) => sessionSentence(p, a)),
    meetingsSentence(p),
    countOrEvents(p, 'presidium_meetings', ['PRESIDIUM_MEETING'], (n) =>
      variant(p.code, 'presidium', [`召开主席团会议${n}`, `先后召开主席团会议${n}`]),
    ),
    countOrEvents(p, 'study_sessions', ['STUDY'], (n) =>
      variant(p.code, 'study', [`组织代表集中学习${n}`, `组织代表开展学习培训${n}`, `组织代表学习法律法规${n}`]),
    ),
    ...supervisionSentences(p),
    countSentence(p, [['practical_service_activities', (n) => `组织代表围绕“我为群众办实事”主题开展活动${n}`]]),
    countOrEvents(p, 'legal_outreach', ['LEGAL_OUTREACH'], (n) => `开展普法宣传活动${n}`, '开展宣传工作：'),
    countOrEvents(p, 'deputy_group_activities', ['DEPUTY_GROUP_ACTIVITY'], (n) => `各代表小组开展活动${n}`, ''),
    countSentence(p, [
      ['stations_established', (n) => `建成代表联络（活动）站${n}`],
      ['station_activities', (n) => `各站组织活动${n}`],
      ['voter_receptions', (n) => `开展代表接待选民活动${n}`],
    ]),
    suggestionSentence(p, sources),
    contactSentence(p),
    countSentence(p, [
      ['reports_to_party_committee', (n) => `向镇党委专题报告工作${n}`],
      ['information_reports', (n) => `报送人大工作信息${n}`],
      ['research_reports', (n) => `撰写调研报告和理论文章${n}`],
    ]),
  ];
  return out.filter((s): s is PlannedSentence => s !== null);
}

const GENERAL_KEYS = [
  'county_deputies_elected',
  'township_deputies_elected',
  'registered_voters',
  'voters_voted',
  'election_turnout',
];

function electionSentence(p: Planner, e: SourceElection): PlannedSentence {
  const date = e.datePrecision === DatePrecision.YEAR ? null : e.heldOn;
  const fact = (label: string, value: number) => recordFact(label, value, e, e.heldOn, e.datePrecision);
  const facts: SummaryFact[] = [];
  const parts: string[] = [];
  if (e.kind === 'BY_ELECTION') {
    p.figures.use('county_deputies_by_elected', 'township_deputies_by_elected');
    const elected: string[] = [];
    if (e.countyDeputiesElected) {
      elected.push(`县人大代表${e.countyDeputiesElected}名`);
      facts.push(fact('补选县人大代表', e.countyDeputiesElected));
    }
    if (e.townshipDeputiesElected) {
      elected.push(`镇人大代表${e.townshipDeputiesElected}名`);
      facts.push(fact('补选镇人大代表', e.townshipDeputiesElected));
    }
    const body = `${variant(p.code, 'by-election', ['依法补选', '补选'])}${elected.join('、') || '人大代表'}`;
    return { lead: date ? dateText(date, e.datePrecision, p.withYear) : '', body, facts };
  }
  p.figures.use(...GENERAL_KEYS);
  parts.push(variant(p.code, 'election', ['依法组织完成县乡两级人大换届选举', '圆满完成县、镇两级人大代表换届选举']));
  if (e.registeredVoters !== null) {
    parts.push(`全镇登记选民${e.registeredVoters}人`);
    facts.push(fact('登记选民', e.registeredVoters));
  }
  if (e.votersVoted !== null) {
    parts.push(`参加投票${e.votersVoted}人`);
    facts.push(fact('参加投票选民', e.votersVoted));
  }
  if (e.registeredVoters && e.votersVoted !== null) {
    const turnout = Math.round((e.votersVoted / e.registeredVoters) * 1000) / 10;
    parts.push(`参选率${percentText(turnout)}`);
    facts.push(fact('参选率', turnout));
  }
  const elected: string[] = [];
  if (e.countyDeputiesElected !== null) {
    elected.push(`县人大代表${e.countyDeputiesElected}名`);
    facts.push(fact('选出县人大代表', e.countyDeputiesElected));
  }
  if (e.townshipDeputiesElected !== null) {
    elected.push(`镇人大代表${e.townshipDeputiesElected}名`);
    facts.push(fact('选出镇人大代表', e.townshipDeputiesElected));
  }
  if (elected.length > 0) parts.push(`选出${elected.join('、')}`);
  return { lead: date ? dateText(date, e.datePrecision, p.withYear) : '', body: parts.join('，'), facts };
}

/** By-elections a report gives only as totals (鹤毛镇's term). */
function byElectionFigures(p: Planner): PlannedSentence | null {
  const county = p.figures.amount('county_deputies_by_elected');
  const township = p.figures.amount('township_deputies_by_elected');
  const parts = [county ? `县人大代表${county.text}` : null, township ? `镇人大代表${township.text}` : null].filter(
    (s): s is string => s !== null,
  );
  if (parts.length === 0) return null;
  p.figures.use('county_deputies_by_elected', 'township_deputies_by_elected');
  const facts = [county, township].flatMap((a) => (a ? [figureFact(a.figure)] : []));
  return { lead: '', body: `${p.scope}先后补选${parts.join('、')}`, facts };
}

function sessionSentence(p: Planner, a: SourceActivity): PlannedSentence {
  const name = a.sessionName ? sessionNameInProse(a.sessionName, p.townshipName) : a.title;
  const lead = a.sessionStartsOn
    ? dateRangeText(a.sessionStartsOn, a.sessionEndsOn, p.withYear)
    : dateText(a.occurredOn, a.datePrecision, p.withYear);
  const facts: SummaryFact[] = [activityFact(a)];
  let body = `召开${name}`;
  if (a.expected > 0) {
    p.figures.use('congress_attendance_rate');
    const excused = a.excused > 0 ? `（${a.excused}名请假）` : '';
    body += `，应到代表${a.expected}名，实到${a.present}名${excused}，到会率${percentText(Math.round((a.present / a.expected) * 10000) / 100)}`;
    facts.push(
      recordFact('应到代表', a.expected, a, a.occurredOn, a.datePrecision),
      recordFact('实到代表', a.present, a, a.occurredOn, a.datePrecision),
    );
  } else if (a.outcome) {
    body += `，会议${a.outcome}`;
    const projects = p.figures.get('livelihood_projects_voted');
    if (projects && a.outcome.includes('民生实事')) {
      p.figures.use('livelihood_projects_voted');
      facts.push(figureFact(projects));
    }
  }
  return { lead, body, facts };
}

function meetingsSentence(p: Planner): PlannedSentence | null {
  const sessions = p.activities.filter((a) => a.type === 'CONGRESS_SESSION').length;
  const meetings = p.figures.amount('meetings_held');
  const projects = p.figures.amount('livelihood_projects_voted');
  p.figures.use('meetings_held', 'livelihood_projects_voted');
  const parts: string[] = [];
  const facts: SummaryFact[] = [];
  // A session already named is not counted again, unless the figure says there were more meetings.
  if (meetings && !(meetings.figure.qualifier === FigureQualifier.AT_LEAST && meetings.figure.value <= sessions)) {
    parts.push(`${p.scope}共召开人大代表会议${meetings.text}`);
    facts.push(figureFact(meetings.figure));
  }
  if (projects) {
    parts.push(`经人代会票决确定民生实事项目${projects.text}`);
    facts.push(figureFact(projects.figure));
  }
  return parts.length > 0 ? { lead: '', body: parts.join('，'), facts } : null;
}

/** "9月学习…；11月学习…", with identical events (four groups' study in one month) said once. */
function eventsText(p: Planner, events: readonly SourceActivity[]): string {
  const groups: SourceActivity[][] = [];
  for (const a of events) {
    const last = groups.at(-1);
    if (last && last[0]!.title === a.title && last[0]!.occurredOn === a.occurredOn) last.push(a);
    else groups.push([a]);
  }
  return groups
    .map((g) => {
      const a = g[0]!;
      const date = dateText(a.occurredOn, a.datePrecision, p.withYear);
      const what =
        g.length > 1 && a.type === 'DEPUTY_GROUP_ACTIVITY'
          ? `${g.length}个代表小组分别${a.title.replace(/^代表小组/, '')}`
          : g.length > 1
            ? `${a.title}${g.length}次`
            : a.title;
      return date ? `${date}${g.length > 1 ? '，' : ''}${what}` : what;
    })
    .join('；');
}

/** A count ("组织代表集中学习3次"), with its events named when they are all of them; else the events alone. */
function countOrEvents(
  p: Planner,
  key: string,
  types: readonly string[],
  phrase: (amount: string) => string,
  eventsLead = '组织代表',
): PlannedSentence | null {
  const count = p.figures.amount(key);
  const figure = p.figures.get(key);
  const events = p.activities.filter((a) => types.includes(a.type));
  p.figures.use(key);
  if (count) {
    const all = count.figure.qualifier === FigureQualifier.EXACT && events.length === count.figure.value;
    const body = phrase(count.text) + (all ? `，${eventsText(p, events)}` : '');
    return { lead: '', body, facts: [figureFact(count.figure), ...(all ? events.map(activityFact) : [])] };
  }
  if (events.length > 0) return { lead: '', body: eventsLead + eventsText(p, events), facts: events.map(activityFact) };
  // Known to have happened, count not given: said without a number rather than as "至少1次".
  if (figure) return { lead: '', body: phrase(''), facts: [figureFact(figure)] };
  return null;
}

/** Several counts in one sentence ("报送信息2篇、撰写调研报告3篇"). */
function countSentence(
  p: Planner,
  items: readonly [key: string, phrase: (amount: string) => string][],
): PlannedSentence | null {
  const stated = items.flatMap(([key, phrase]) => {
    const count = p.figures.amount(key);
    p.figures.use(key);
    return count ? [{ text: phrase(count.text), fact: figureFact(count.figure) }] : [];
  });
  if (stated.length === 0) return null;
  return { lead: '', body: stated.map((s) => s.text).join('，'), facts: stated.map((s) => s.fact) };
}

const SUPERVISION_TYPES = [
  'INSPECTION',
  'RESEARCH_VISIT',
  'LAW_ENFORCEMENT_CHECK',
  'SUPERVISION',
  'GOVERNMENT_REPORT_HEARING',
];

/** Counts of inspections, checks and supervision; then the dated ones whose kind has no count. */
function supervisionSentences(p: Planner): PlannedSentence[] {
  const combined = p.figures.amount('inspections_and_research_visits');
  const reported = (key: string) => p.figures.get(key)?.provenance === Provenance.REPORTED;
  // A reported total of 视察调研 is not repeated by a split of it that was not reported.
  if (combined && !(reported('inspections') && reported('research_visits')))
    p.figures.use('inspections', 'research_visits');
  else p.figures.use('inspections_and_research_visits');
  const items: [string, string, string[]][] = [
    ['inspections_and_research_visits', '视察调研', ['INSPECTION', 'RESEARCH_VISIT']],
    ['inspections', '视察', ['INSPECTION']],
    ['research_visits', '专题调研', ['RESEARCH_VISIT']],
    ['law_enforcement_checks', '执法检查', ['LAW_ENFORCEMENT_CHECK']],
    ['supervisions', '督办督导', ['SUPERVISION']],
  ];
  const counted: string[] = [];
  const facts: SummaryFact[] = [];
  const parts: string[] = [];
  for (const [key, word, types] of items) {
    const count = p.figures.amount(key);
    p.figures.use(key);
    if (!count) continue;
    parts.push(`${word}${count.text}`);
    facts.push(figureFact(count.figure));
    counted.push(...types);
  }
  const hearing = p.figures.amount('government_reports_heard');
  p.figures.use('government_reports_heard');
  const sentences: PlannedSentence[] = [];
  if (parts.length > 0 || hearing) {
    const lead = variant(p.code, 'supervision', [
      '围绕中心工作，组织代表开展',
      '聚焦群众关切，组织代表开展',
      '依法履行监督职责，组织代表开展',
    ]);
    const clauses = parts.length > 0 ? [`${lead}${parts.join('、')}`] : [];
    if (hearing) {
      clauses.push(`听取和审议镇人民政府工作报告${hearing.text}`);
      facts.push(figureFact(hearing.figure));
      counted.push('GOVERNMENT_REPORT_HEARING');
    }
    sentences.push({ lead: '', body: clauses.join('，'), facts });
  }
  const events = p.activities.filter((a) => SUPERVISION_TYPES.includes(a.type) && !counted.includes(a.type));
  if (events.length > 0) {
    const lead = variant(p.code, 'supervision-events', ['组织代表视察调研、督导检查：', '依法开展监督：']);
    sentences.push({ lead: '', body: lead + eventsText(p, events), facts: events.map(activityFact) });
  }
  return sentences;
}

function suggestionSentence(p: Planner, sources: SummarySources): PlannedSentence | null {
  const received = p.figures.amount('suggestions_received');
  const completed = p.figures.amount('suggestions_completed');
  const rate = p.figures.get('suggestion_completion_rate');
  p.figures.use('suggestions_received', 'suggestions_completed', 'suggestion_completion_rate', 'suggestions_replied');
  const facts: SummaryFact[] = [];
  const parts: string[] = [];
  if (received) {
    parts.push(`${variant(p.code, 'suggestions', ['办理代表意见建议', '督办代表建议'])}${received.text}`);
    facts.push(figureFact(received.figure));
  }
  if (completed) {
    parts.push(`办结${completed.text}`);
    facts.push(figureFact(completed.figure));
  }
  if (rate) {
    const parts0 = !completed && rate.numerator !== null && rate.denominator !== null;
    parts.push(`办结率${percentText(rate.value)}${parts0 ? `（${rate.numerator}/${rate.denominator}）` : ''}`);
    facts.push(figureFact(rate));
  }
  if (parts.length > 0) return { lead: '', body: parts.join('，'), facts };
  const listed = sources.suggestions.filter((s) => s.provenance !== Provenance.SYNTHETIC);
  if (listed.length === 0) return null;
  const inProgress = listed.filter((s) => ['ASSIGNED', 'IN_PROGRESS'].includes(s.state)).length;
  const body =
    `代表提出建议${listed.length}件，涉及${listed.map((s) => `“${s.title}”`).join('、')}` +
    (inProgress > 0 ? `，其中${inProgress}件正在办理` : '');
  return {
    lead: '',
    body,
    facts: listed.map((s) => recordFact('代表建议', null, s, s.submittedOn, DatePrecision.DAY)),
  };
}

function contactSentence(p: Planner): PlannedSentence | null {
  const facts: SummaryFact[] = [];
  const parts: string[] = [];
  const take = (key: string, phrase: (n: string) => string): void => {
    const count = p.figures.amount(key);
    p.figures.use(key);
    if (!count) return;
    parts.push(phrase(count.text));
    facts.push(figureFact(count.figure));
  };
  take('visitors_received', (n) => `接待群众来访${n}`);
  const letters = p.figures.amount('letters_received');
  take('letters_received', (n) => `办理群众来信${n}`);
  take('letters_answered', (n) => (letters ? `答复${n}` : `答复群众来信${n}`));
  const replyRate = p.figures.get('letter_reply_rate');
  p.figures.use('letter_reply_rate');
  if (replyRate) {
    parts.push(`答复率${percentText(replyRate.value)}`);
    facts.push(figureFact(replyRate));
  }
  take('voter_contacts', (n) => `代表联系选民${n}`);
  take('opinions_collected', (n) => `收集群众意见建议${n}`);
  const county = p.figures.amount('county_deputies_reported_to_voters');
  const township = p.figures.amount('township_deputies_reported_to_voters');
  if (county && township) {
    p.figures.use(
      'deputies_reported_to_voters',
      'county_deputies_reported_to_voters',
      'township_deputies_reported_to_voters',
    );
    parts.push(`${county.figure.value}名县人大代表、${township.figure.value}名镇人大代表向选民述职`);
    facts.push(figureFact(county.figure), figureFact(township.figure));
  } else take('deputies_reported_to_voters', (n) => `向选民述职的代表${n}`);
  return parts.length > 0 ? { lead: '', body: parts.join('，'), facts } : null;
}
