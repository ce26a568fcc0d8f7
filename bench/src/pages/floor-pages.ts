/**
 * The floor for page-load operations whose answer is one statement: it builds the API's response JSON
 * (the dashboard document's shape) inside PostgreSQL, run by floor-server.ts as B1's and B2's are.
 * Operations absent here have no floor in the table (computed answers, or several independent reads).
 */
export interface FloorStatement {
  sql: string;
  /** Statement parameters from the dashboard's GraphQL variables. */
  parameters(variables: Record<string, unknown>): unknown[];
}

const data = (field: string, value: string) =>
  `select json_build_object('data', json_build_object('${field}', ${value}))::text as body`;

export const FLOOR_PAGES: Record<string, FloorStatement> = {
  MetricCatalog: {
    sql: `${data(
      'metricDefinitions',
      `(select coalesce(json_agg(json_build_object('id', m.id, 'key', m.key, 'nameZh', m.name_zh, 'nameEn', m.name_en,
          'unit', m.unit, 'kind', m.kind, 'higherIsBetter', m.higher_is_better, 'numeratorKey', m.numerator_key,
          'denominatorKey', m.denominator_key) order by m.key), '[]')
          from metric_definition m where m.county_id is null or m.county_id = $1::uuid)`,
    )}`,
    parameters: (v) => [v['countyId']],
  },
  TownshipList: {
    sql: `${data(
      'townships',
      `(select json_build_object('totalCount', (select count(*) from township),
          'nodes', coalesce(json_agg(json_build_object('id', t.id, 'code', t.code, 'name', t.name, 'nameEn', t.name_en,
                   'provenance', t.provenance, 'sourceReportTitle', t.source_report) order by t.code, t.id), '[]'))
          from (select * from township order by code, id limit 100) t)`,
    )}`,
    parameters: () => [],
  },
  CountyName: {
    sql: `${data('county', `(select json_build_object('id', c.id, 'name', c.name, 'nameEn', c.name_en) from county c where c.id = $1::uuid)`)}`,
    parameters: (v) => [v['countyId']],
  },
  TownshipActivities: {
    sql: `${data(
      'activities',
      `(select json_build_object('totalCount', coalesce(max(a.total), 0), 'pageInfo', json_build_object('hasNextPage', coalesce(max(a.total), 0) > 200),
          'nodes', coalesce(json_agg(json_build_object('id', a.id, 'occurredOn', a.occurred_on, 'datePrecision', a.date_precision,
                   'type', a.type, 'title', a.title, 'provenance', a.provenance) order by a.occurred_on desc, a.id desc), '[]'))
          from (select a.*, count(*) over () as total from activity a
                 where a.township_id = $1::uuid and a.occurred_on between $2::date and $3::date
                 order by a.occurred_on desc, a.id desc limit 200) a)`,
    )}`,
    parameters: (v) => [v['townshipId'], v['from'], v['to']],
  },
  TownshipDeputyNames: {
    sql: `${data(
      'deputies',
      `(select json_build_object('nodes', coalesce(json_agg(json_build_object('id', d.id, 'name', d.name) order by d.name, d.id), '[]'))
          from (select id, name from deputy where township_id = $1::uuid and status = 'ACTIVE' order by name, id limit 200) d)`,
    )}`,
    parameters: (v) => [v['townshipId']],
  },
  PreviousQuarterReport: {
    sql: `${data(
      'quarterlyReports',
      `(select json_build_object('nodes', coalesce(json_agg(json_build_object('id', q.id, 'state', q.state, 'values',
          (select coalesce(json_agg(json_build_object('metricKey', v.metric_key, 'reportedValue', v.reported_value,
                   'qualifier', v.qualifier) order by v.metric_key), '[]') from quarterly_report_value v where v.report_id = q.id))), '[]'))
          from (select id, state from quarterly_report where township_id = $1::uuid and year = $2 and quarter = $3 limit 1) q)`,
    )}`,
    parameters: (v) => [v['townshipId'], v['year'], v['quarter']],
  },
  SavedQueries: {
    sql: `${data(
      'savedQueries',
      `(select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'query', s.query, 'variables', s.variables,
          'ownerId', s.owner_id, 'updatedAt', s.updated_at) order by s.name, s.id), '[]') from saved_query s)`,
    )}`,
    parameters: () => [],
  },
};
