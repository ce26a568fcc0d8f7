import { DatePrecision } from '../../common/enums/date-precision.enum.js';
import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import type { Provenance } from '../../common/enums/provenance.enum.js';
import type { SummaryFact } from './dto/summary-fact.type.js';
import type { SourceActivity, SourceFigure } from './summary-sources.js';

/** What a record of each activity type is called when a sentence states it. */
export const ACTIVITY_LABELS: Readonly<Record<string, string>> = {
  INSPECTION: '代表视察',
  RESEARCH_VISIT: '代表调研',
  LAW_ENFORCEMENT_CHECK: '执法检查',
  SUPERVISION: '督导督办',
  STUDY: '代表学习',
  GOVERNMENT_REPORT_HEARING: '听取审议工作报告',
  DEPUTY_GROUP_ACTIVITY: '代表小组活动',
  LEGAL_OUTREACH: '宣传活动',
  PRESIDIUM_MEETING: '主席团会议',
  DEPUTY_MEETING: '代表会议',
  CONGRESS_SESSION: '人代会会议',
  VOTER_RECEPTION: '接待选民',
  VOTER_VISIT: '走访选民',
  REPORT_TO_VOTERS: '向选民述职',
};

export function figureFact(figure: SourceFigure): SummaryFact {
  return {
    labelZh: figure.nameZh,
    value: figure.value,
    qualifier: figure.qualifier,
    provenance: figure.provenance,
    recordId: null,
    metricKey: figure.metricKey,
    occurredOn: null,
    datePrecision: null,
  };
}

export function recordFact(
  labelZh: string,
  value: number | null,
  record: { id: string; provenance: Provenance },
  occurredOn: string | null,
  datePrecision: DatePrecision | null,
): SummaryFact {
  return {
    labelZh,
    value,
    qualifier: FigureQualifier.EXACT,
    provenance: record.provenance,
    recordId: record.id,
    metricKey: null,
    occurredOn,
    datePrecision,
  };
}

export function activityFact(activity: SourceActivity): SummaryFact {
  return recordFact(
    ACTIVITY_LABELS[activity.type] ?? activity.type,
    null,
    activity,
    activity.occurredOn,
    activity.datePrecision,
  );
}
