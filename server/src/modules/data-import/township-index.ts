import type { EntityManager } from '@mikro-orm/postgresql';

export interface TermEntry {
  id: string;
  name: string;
  startedOn: string | null;
  endedOn: string | null;
}

export interface DeputyEntry {
  id: string;
  termId: string;
}

export interface ReportEntry {
  version: number;
  state: string;
  values: Map<string, number | null>;
}

/**
 * What an import looks names and natural keys up in: the township's rows as they stand, read once
 * (one statement per table), then kept current as the import adds rows. Counted keys (activities,
 * voter contacts, suggestions) hold how many rows share the key, since two meetings on one day may
 * carry one title.
 */
export class TownshipIndex {
  readonly terms = new Map<string, TermEntry>();
  readonly termsById = new Map<string, TermEntry>();
  readonly groups = new Map<string, string>();
  readonly stations = new Map<string, string>();
  readonly deputies = new Map<string, DeputyEntry[]>();
  readonly activities = new Map<string, number>();
  readonly voterContacts = new Map<string, number>();
  readonly suggestions = new Map<string, number>();
  readonly reports = new Map<string, ReportEntry>();
  readonly metricKeys = new Set<string>();

  static async load(em: EntityManager, townshipId: string): Promise<TownshipIndex> {
    const index = new TownshipIndex();
    const q = <T>(sql: string) => em.execute<T[]>(sql, [townshipId]);
    const [terms, groups, stations, deputies, activities, contacts, suggestions, values, metrics] = await Promise.all([
      q<{ id: string; name: string; started_on: string | null; ended_on: string | null }>(
        `select id, name, to_char(started_on, 'YYYY-MM-DD') as started_on, to_char(ended_on, 'YYYY-MM-DD') as ended_on
           from term where township_id = ?`,
      ),
      q<{ id: string; name: string }>(`select id, name from deputy_group where township_id = ?`),
      q<{ id: string; name: string }>(`select id, name from station where township_id = ?`),
      q<{ id: string; name: string; term_id: string }>(`select id, name, term_id from deputy where township_id = ?`),
      q<{ key: string; n: number }>(
        `select to_char(occurred_on, 'YYYY-MM-DD') || '|' || title as key, count(*)::int as n
           from activity where township_id = ? group by 1`,
      ),
      q<{ key: string; n: number }>(
        `select to_char(received_on, 'YYYY-MM-DD') || '|' || kind || '|' || subject as key, count(*)::int as n
           from voter_contact where township_id = ? group by 1`,
      ),
      q<{ key: string; n: number }>(
        `select to_char(submitted_on, 'YYYY-MM-DD') || '|' || title as key, count(*)::int as n
           from suggestion where township_id = ? group by 1`,
      ),
      q<{
        year: number;
        quarter: number;
        version: number;
        state: string;
        metric_key: string | null;
        value: number | null;
      }>(
        `select r.year, r.quarter, r.version, r.state, v.metric_key, v.reported_value as value
           from quarterly_report r left join quarterly_report_value v on v.report_id = r.id
          where r.township_id = ?`,
      ),
      em.execute<{ key: string }[]>(`select key from metric_definition`),
    ]);
    for (const row of terms) {
      const term = { id: row.id, name: row.name, startedOn: row.started_on, endedOn: row.ended_on };
      index.terms.set(row.name, term);
      index.termsById.set(row.id, term);
    }
    for (const row of groups) index.groups.set(row.name, row.id);
    for (const row of stations) index.stations.set(row.name, row.id);
    for (const row of deputies) index.addDeputy(row.name, { id: row.id, termId: row.term_id });
    for (const row of activities) index.activities.set(row.key, row.n);
    for (const row of contacts) index.voterContacts.set(row.key, row.n);
    for (const row of suggestions) index.suggestions.set(row.key, row.n);
    for (const row of values) {
      const key = `${row.year}-${row.quarter}`;
      const report = index.reports.get(key) ?? { version: row.version, state: row.state, values: new Map() };
      if (row.metric_key) report.values.set(row.metric_key, row.value);
      index.reports.set(key, report);
    }
    for (const row of metrics) index.metricKeys.add(row.key);
    return index;
  }

  addDeputy(name: string, entry: DeputyEntry): void {
    this.deputies.set(name, [...(this.deputies.get(name) ?? []), entry]);
  }

  /** The deputies of that name serving in a term that includes the day (a term without dates includes every day). */
  deputiesOn(name: string, on: string): DeputyEntry[] {
    const all = this.deputies.get(name) ?? [];
    if (all.length <= 1) return all;
    return all.filter((deputy) => {
      const term = this.termsById.get(deputy.termId);
      return (
        !term || ((term.startedOn === null || term.startedOn <= on) && (term.endedOn === null || on <= term.endedOn))
      );
    });
  }
}
