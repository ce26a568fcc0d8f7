import { SCALE_METRIC_KEYS, SCALE_QUARTERS } from '@renda/seeds/dist/scale/scale-tiers.js';
import type { SystemName, WorkloadName } from './workloads.js';

interface Nodes<T> {
  nodes: T[];
}
interface ComparisonResponse {
  data: {
    compareTownships: {
      townships: { id: string; code: string; name: string }[];
      series: { periodIndex: number; metricKey: string; values: (number | null)[]; ranks: (number | null)[] }[];
    };
  };
}
interface PostGraphileB1 {
  data: {
    allTownships: Nodes<{
      rowId: string;
      code: string;
      name: string;
      quarterlyReportsByCountyIdAndTownshipId: Nodes<{
        year: number;
        quarter: number;
        state: string;
        quarterlyReportValuesByCountyIdAndTownshipIdAndReportId: Nodes<{
          metricKey: string;
          reportedValue: number | null;
        }>;
      }>;
    }>;
  };
}
interface Activity {
  id: string;
  title: string;
  occurredOn: string;
}
interface RendaB2 {
  data: {
    townships: Nodes<{
      id: string;
      name: string;
      deputies: Nodes<{ id: string; name: string; activities: Nodes<Activity> }>;
    }>;
  };
}
interface PostGraphileB2 {
  data: {
    allTownships: Nodes<{
      rowId: string;
      name: string;
      deputiesByCountyIdAndTownshipId: Nodes<{
        rowId: string;
        name: string;
        activityParticipantsByCountyIdAndTownshipIdAndDeputyId: Nodes<{
          activityByCountyIdAndTownshipIdAndActivityId: { rowId: string; title: string; occurredOn: string };
        }>;
      }>;
    }>;
  };
}

/** A workload's answer reduced to what every system returns, in a comparable form. */
export interface Canonical {
  townships: string[];
  /** `township|year|quarter|metric=value`, sorted (B1) or the nested tree flattened in order (B2). */
  facts: string[];
  /** `township|year|quarter|metric=rank` where the system ranks (not PostGraphile). */
  ranks: string[] | null;
}

function canonicalB1(system: SystemName, response: unknown): Canonical {
  if (system === 'postgraphile') {
    const towns = (response as PostGraphileB1).data.allTownships.nodes;
    const wanted = new Set(SCALE_QUARTERS.map((q) => `${q.year}|${q.quarter}`));
    const metrics = new Set(SCALE_METRIC_KEYS);
    const facts = towns.flatMap((t) =>
      t.quarterlyReportsByCountyIdAndTownshipId.nodes
        .filter((r) => wanted.has(`${r.year}|${r.quarter}`) && (r.state === 'SUBMITTED' || r.state === 'ACCEPTED'))
        .flatMap((r) =>
          r.quarterlyReportValuesByCountyIdAndTownshipIdAndReportId.nodes
            .filter((v) => metrics.has(v.metricKey))
            .map((v) => `${t.rowId}|${r.year}|${r.quarter}|${v.metricKey}=${String(v.reportedValue)}`),
        ),
    );
    return { townships: towns.map((t) => `${t.rowId} ${t.code} ${t.name}`), facts: facts.sort(), ranks: null };
  }
  const { townships, series } = (response as ComparisonResponse).data.compareTownships;
  // Series are aligned with the townships: back to one fact per township, period and metric.
  const cells = series.flatMap((s) =>
    townships.map((t, i) => ({ ...s, townshipId: t.id, value: s.values[i] ?? null, rank: s.ranks[i] ?? null })),
  );
  const key = (c: (typeof cells)[number]) => {
    const period = SCALE_QUARTERS[c.periodIndex]!;
    return `${c.townshipId}|${period.year}|${period.quarter}|${c.metricKey}`;
  };
  return {
    townships: townships.map((t) => `${t.id} ${t.code} ${t.name}`),
    facts: cells.map((c) => `${key(c)}=${String(c.value)}`).sort(),
    ranks: cells.map((c) => `${key(c)}=${String(c.rank)}`).sort(),
  };
}

function canonicalB2(system: SystemName, response: unknown): Canonical {
  const towns =
    system === 'postgraphile'
      ? (response as PostGraphileB2).data.allTownships.nodes.map((t) => ({
          id: t.rowId,
          name: t.name,
          deputies: t.deputiesByCountyIdAndTownshipId.nodes.map((d) => ({
            id: d.rowId,
            name: d.name,
            activities: {
              nodes: d.activityParticipantsByCountyIdAndTownshipIdAndDeputyId.nodes.map(
                ({ activityByCountyIdAndTownshipIdAndActivityId: a }) => ({
                  id: a.rowId,
                  title: a.title,
                  occurredOn: a.occurredOn,
                }),
              ),
            },
          })),
        }))
      : (response as RendaB2).data.townships.nodes.map((t) => ({ id: t.id, name: t.name, deputies: t.deputies.nodes }));
  const facts: string[] = [];
  for (const t of towns) {
    for (const d of t.deputies) {
      facts.push(`${t.id}/${d.id} ${d.name}`);
      for (const a of d.activities.nodes) facts.push(`${t.id}/${d.id}/${a.id} ${a.title} ${a.occurredOn}`);
    }
  }
  return { townships: towns.map((t) => `${t.id} ${t.name}`), facts, ranks: null };
}

export function canonical(workload: WorkloadName, system: SystemName, response: unknown): Canonical {
  return workload === 'B1' ? canonicalB1(system, response) : canonicalB2(system, response);
}

export interface Comparison {
  equal: boolean;
  /** How many facts each side holds, and the first difference when they differ. */
  detail: string;
}

/** Same townships in the same order, same facts, and (where both rank) the same ranks. */
export function compareCanonical(a: Canonical, b: Canonical): Comparison {
  if (JSON.stringify(a.townships) !== JSON.stringify(b.townships)) {
    return { equal: false, detail: `townships differ: ${a.townships.length} vs ${b.townships.length}` };
  }
  const diff = (x: string[], y: string[]) => {
    const length = Math.max(x.length, y.length);
    for (let i = 0; i < length; i++) if (x[i] !== y[i]) return `#${i}: ${String(x[i])} vs ${String(y[i])}`;
    return null;
  };
  const facts = diff(a.facts, b.facts);
  if (facts) return { equal: false, detail: `facts differ (${a.facts.length} vs ${b.facts.length}) at ${facts}` };
  if (a.ranks && b.ranks) {
    const ranks = diff(a.ranks, b.ranks);
    if (ranks) return { equal: false, detail: `ranks differ at ${ranks}` };
  }
  return { equal: true, detail: `${a.facts.length} facts` };
}
