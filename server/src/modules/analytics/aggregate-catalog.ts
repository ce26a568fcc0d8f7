import { AggregateDimension as D } from './aggregate-dimension.enum.js';
import { AggregateSubject } from './aggregate-subject.enum.js';

export interface SubjectSql {
  table: string;
  /** The date that places a row in the from/to range and in YEAR/QUARTER/MONTH; null when none. */
  date: string | null;
  /**
   * What `sum` adds up, and its SQL (`COUNTY` stands for the county, bound as a parameter); null when the
   * subject has no measure.
   */
  measure: { label: string; sql: string } | null;
  dimensions: Partial<Record<D, string>>;
}

const calendar = (date: string): Partial<Record<D, string>> => ({
  [D.YEAR]: `extract(year from ${date})::int::text`,
  [D.QUARTER]: `extract(year from ${date})::int || '-Q' || extract(quarter from ${date})::int`,
  [D.MONTH]: `to_char(${date}, 'YYYY-MM')`,
});

/** The county's placeholder in a measure: the service binds the county there. */
export const COUNTY = ':county';

/** The whitelist: only these expressions ever reach SQL, whatever a client asks for. */
export const AGGREGATE_CATALOG: Readonly<Record<AggregateSubject, SubjectSql>> = {
  ACTIVITY: {
    table: 'activity',
    date: 'x.occurred_on',
    measure: {
      label: 'deputies present (出席代表人次)',
      // The county as a value, not only through the correlation: Citus prunes a subquery's shards by its
      // own constants, so only then is the statement routed to the county's shard group; correlated on
      // county_id too, which is how Citus pushes a correlated subquery down at all.
      sql: `(select count(*) from activity_participant ap
              where ap.county_id = ${COUNTY} and ap.county_id = x.county_id and ap.activity_id = x.id
                and ap.attendance = 'PRESENT')`,
    },
    dimensions: { ...calendar('x.occurred_on'), [D.TYPE]: 'x.type', [D.PROVENANCE]: 'x.provenance' },
  },
  SUGGESTION: {
    table: 'suggestion',
    date: 'x.submitted_on',
    measure: { label: 'days from submission to reply (答复用时，天)', sql: '(x.replied_on - x.submitted_on)' },
    dimensions: {
      ...calendar('x.submitted_on'),
      [D.TYPE]: 'x.kind',
      [D.STATE]: 'x.state',
      [D.CATEGORY]: 'x.category',
      [D.OUTCOME_CLASS]: 'x.outcome_class',
      [D.HANDLING_UNIT]: 'x.handling_unit',
      [D.PROVENANCE]: 'x.provenance',
    },
  },
  DEPUTY: {
    table: 'deputy',
    date: null,
    measure: null,
    dimensions: {
      [D.LEVEL]: 'x.level',
      [D.GENDER]: 'x.gender',
      [D.OCCUPATION]: 'x.occupation_category',
      [D.PARTY]: 'x.party',
      [D.STATE]: 'x.status',
      [D.AGE_BAND]: `case when x.birth_year is null then null when extract(year from current_date) - x.birth_year < 35 then '<35'
        when extract(year from current_date) - x.birth_year < 45 then '35-44' when extract(year from current_date) - x.birth_year < 55 then '45-54'
        else '55+' end`,
      [D.PROVENANCE]: 'x.provenance',
    },
  },
  VOTER_CONTACT: {
    table: 'voter_contact',
    date: 'x.received_on',
    measure: null,
    dimensions: {
      ...calendar('x.received_on'),
      [D.TYPE]: 'x.kind',
      [D.REPLIED]: 'x.replied::text',
      [D.PROVENANCE]: 'x.provenance',
    },
  },
};
