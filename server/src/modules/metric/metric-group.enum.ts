import { registerEnumType } from 'type-graphql';

/**
 * The sections of the quarterly form, in the order the catalog lists them. The declaration order is the
 * display order (see METRIC_GROUP_ORDER); OTHER holds metrics a county defines without naming a section.
 */
export enum MetricGroup {
  SUPERVISION = 'SUPERVISION',
  DEPUTY_ACTIVITIES = 'DEPUTY_ACTIVITIES',
  SUGGESTIONS = 'SUGGESTIONS',
  VOTER_CONTACT = 'VOTER_CONTACT',
  ELECTIONS = 'ELECTIONS',
  OTHER = 'OTHER',
}

export const METRIC_GROUP_ORDER: readonly MetricGroup[] = Object.values(MetricGroup);

registerEnumType(MetricGroup, {
  name: 'MetricGroup',
  description: '指标分组：监督工作、代表活动、代表建议、联系选民、选举、其他',
});
