import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { tenantRefs } from '../../tenancy/tenant-refs.js';
import { loadInTownship } from '../../tenancy/load-in-township.js';
import { assertRecordDate } from '../../common/validation/assert-record-date.js';
import { assertNotRetired } from '../../common/validation/assert-not-retired.js';
import { chinaToday } from '../../common/validation/china-today.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { assertDeputyServing } from '../deputy/assert-deputy-serving.js';
import { Station } from '../station/station.entity.js';
import { stationErrors } from '../station/station.errors.js';
import { Term } from '../term/term.entity.js';
import { DeputyReport } from './deputy-report.entity.js';
import { deputyReportErrors } from './deputy-report.errors.js';
import type { RecordDeputyReportInput } from './dto/record-deputy-report.input.js';

const EVALUATION = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;

/** Records deputies' reports to voters (述职) and the voters' evaluation (评议). */
export class DeputyReportWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async record(input: RecordDeputyReportInput): Promise<DeputyReport> {
    const on = input.reportedOn;
    assertRecordDate(on, ['input', 'reportedOn']);
    const evaluation = checkCounts(input);
    const deputy = await loadInTownship(this.em, Deputy, input.deputyId, this.scope, ['input', 'deputyId'], {
      zh: '代表',
      en: 'deputy',
    });
    assertDeputyServing(deputy, on, ['input', 'deputyId']);
    const term = await this.em.findOneOrFail(Term, { id: deputy.term.id });
    // A deputy reports on the mandate of the term: a date outside it belongs to no mandate of this deputy.
    if ((term.startedOn !== null && on < term.startedOn) || on > (term.endedOn ?? chinaToday())) {
      throw deputyReportErrors.outsideTerm(term.name, term.startedOn, term.endedOn);
    }
    let station: Station | null = null;
    if (input.stationId != null) {
      station = await loadInTownship(this.em, Station, input.stationId, this.scope, ['input', 'stationId'], {
        zh: '代表联络站',
        en: 'station',
      });
      assertNotRetired(station, on, ['input', 'stationId'], stationErrors.retired);
    }
    const report = Object.assign(new DeputyReport(), {
      ...tenantRefs(this.scope),
      deputy: ref(deputy),
      station: station ? ref(station) : null,
      reportedOn: on,
      votersPresent: input.votersPresent,
      satisfied: evaluation?.satisfied ?? null,
      basicallySatisfied: evaluation?.basicallySatisfied ?? null,
      dissatisfied: evaluation?.dissatisfied ?? null,
      title: input.title ?? null,
    });
    await this.em.persist(report).flush();
    return report;
  }
}

type Evaluation = Record<(typeof EVALUATION)[number], number>;

/** Counts are non-negative; the evaluation is all three counts or none, and never more votes than voters. */
function checkCounts(input: RecordDeputyReportInput): Evaluation | null {
  if (input.votersPresent < 0) throw deputyReportErrors.countNegative(['input', 'votersPresent']);
  const given = EVALUATION.filter((key) => input[key] != null);
  for (const key of given) {
    if (input[key]! < 0) throw deputyReportErrors.countNegative(['input', key]);
  }
  if (given.length === 0) return null;
  if (given.length < EVALUATION.length) {
    const missing = EVALUATION.find((key) => input[key] == null)!;
    throw deputyReportErrors.evaluationPartial(['input', missing]);
  }
  const evaluation = {
    satisfied: input.satisfied!,
    basicallySatisfied: input.basicallySatisfied!,
    dissatisfied: input.dissatisfied!,
  };
  const sum = evaluation.satisfied + evaluation.basicallySatisfied + evaluation.dissatisfied;
  if (sum > input.votersPresent) throw deputyReportErrors.evaluationExceedsVoters(sum, input.votersPresent);
  return evaluation;
}
