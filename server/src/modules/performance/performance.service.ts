import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordKind } from '../record-coverage/record-kind.enum.js';
import { DutyKind, recordKindOf } from './duty-kind.enum.js';
import { ArchiveUnknownReason } from './archive-record-type.enum.js';
import type { DeputyPerformance, PerformanceRanking, PerformanceRankingRow } from './dto/performance.types.js';
import type { DeputyScope } from './duty-sql.js';
import { deputyContextSql } from './duty-sql.js';
import { pointsSql, schemeVersionSql } from './points-sql.js';
import { coveredFrom, servedFrom, toDutyRecord, type DeputyContextRow, type DutyRow } from './duty-rows.js';
import { assertYear, currentYear } from './performance-scheme.service.js';

interface PointRow extends DutyRow {
  raw: number;
  points: number;
}

interface SchemeRow {
  county_id: string;
  version: number;
  duties: string[];
}

/**
 * Deputies' points for one year under their county's scheme: three statements for any number of
 * deputies (points, the deputies with their coverage, the scheme version), whatever the scope.
 */
export class PerformanceService {
  constructor(private readonly em: EntityManager) {}

  async compute(
    scope: DeputyScope,
    ids: readonly string[],
    year: number,
    version: number | null,
  ): Promise<{ contexts: DeputyContextRow[]; results: Map<string, DeputyPerformance> }> {
    assertYear(year, ['year']);
    const points = pointsSql(scope, ids, year, version);
    const context = deputyContextSql(scope, ids);
    const schemes = schemeVersionSql(scope, ids, year, version);
    const [rows, contexts, schemeRows] = [
      await this.em.execute<PointRow[]>(points.sql, points.params),
      await this.em.execute<DeputyContextRow[]>(context.sql, context.params),
      await this.em.execute<SchemeRow[]>(schemes.sql, schemes.params),
    ];
    const byDeputy = new Map<string, PointRow[]>();
    for (const row of rows) byDeputy.set(row.deputy_id, [...(byDeputy.get(row.deputy_id) ?? []), row]);
    const schemeOf = new Map(schemeRows.map((s) => [s.county_id, s]));
    const results = new Map(
      contexts.map((c) => [
        c.deputy_id,
        resultOf(c, year, schemeOf.get(c.county_id) ?? null, byDeputy.get(c.deputy_id) ?? []),
      ]),
    );
    return { contexts, results };
  }

  /** Rankings within each township (scope township) or across the county (scope county). */
  async ranking(scope: 'township' | 'county', ids: readonly string[], year: number, version: number | null) {
    const { contexts, results } = await this.compute(scope, ids, year, version);
    const from = `${year}-01-01`;
    const groups = new Map<string, PerformanceRankingRow[]>();
    for (const c of contexts) {
      if (!servedFrom(c, from)) continue;
      const result = results.get(c.deputy_id)!;
      const key = scope === 'township' ? c.township_id : c.county_id;
      const row: PerformanceRankingRow = {
        deputyId: c.deputy_id,
        deputyName: c.deputy_name,
        townshipId: c.township_id,
        townshipName: c.township_name,
        total: result.total,
        rank: null,
        complete: result.complete,
        unknownReason: result.unknownReason,
        includesSynthetic: result.includesSynthetic,
      };
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const versions = new Map([...results.values()].map((r) => [r.deputyId, r.schemeVersion]));
    const rankings = new Map<string, PerformanceRanking>();
    for (const [key, rows] of groups) {
      rows.sort(
        (a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity) || a.deputyName.localeCompare(b.deputyName, 'zh-CN'),
      );
      // Competition ranking among known totals (1, 2, 2, 4); unknown totals are listed unranked.
      rows.forEach((row, i) => {
        if (row.total === null) return;
        const previous = rows[i - 1];
        row.rank = previous && previous.total === row.total ? previous.rank : i + 1;
      });
      rankings.set(key, { year, schemeVersion: versions.get(rows[0]!.deputyId) ?? null, rows });
    }
    return rankings;
  }
}

function resultOf(
  context: DeputyContextRow,
  year: number,
  scheme: SchemeRow | null,
  rows: PointRow[],
): DeputyPerformance {
  const base = { deputyId: context.deputy_id, year, schemeVersion: scheme?.version ?? null };
  const from = `${year}-01-01`;
  const scored = [...new Set((scheme?.duties ?? []).map((duty) => recordKindOf(duty as DutyKind)))];
  const unknownKinds: RecordKind[] = scored.filter((kind) => coveredFrom(context, kind, from) === false);
  const items = rows.map((row) => ({
    rule: row.duty as DutyKind,
    points: row.points,
    rulePoints: row.raw,
    record: toDutyRecord(row),
  }));
  const includesSynthetic = rows.some((row) => row.synthetic);
  const unknown = (reason: ArchiveUnknownReason): DeputyPerformance => ({
    ...base,
    total: null,
    complete: false,
    unknownKinds,
    unknownReason: reason,
    includesSynthetic,
    items,
  });
  if (!scheme) return unknown(ArchiveUnknownReason.NO_SCHEME);
  if (year > currentYear()) return unknown(ArchiveUnknownReason.NOT_STARTED);
  const complete = unknownKinds.length === 0;
  // Nothing recorded where records are not known complete: unknown (未录入), never a score of 0.
  if (items.length === 0 && !complete) return unknown(ArchiveUnknownReason.NOT_RECORDED);
  return {
    ...base,
    total: items.reduce((sum, item) => sum + item.points, 0),
    complete,
    unknownKinds,
    unknownReason: null,
    includesSynthetic,
    items,
  };
}
