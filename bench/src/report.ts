import { sampleStats } from './sample-stats.js';
import type { StatementCounts } from './statements.js';
import type { SystemName } from './workloads.js';

export interface SystemMeasurement {
  /** B1, B2 or a page-load operation's name. */
  workload: string;
  system: SystemName;
  /** Median over rounds of the maximum-throughput runs. */
  requestsPerSecond: number;
  /** Throughput of each counted round (answers / elapsed on the harness's clock). */
  rounds: number[];
  /** The same rounds as autocannon's whole-second duration gave them (the harness before the fix). */
  quantisedRounds: number[];
  p50Rounds: number[];
  p99Rounds: number[];
  p50: number;
  p99: number;
  /** Median latency of one request sent alone; sizes the counted runs. */
  sequentialMs: number;
  /** The largest share of a counted run that one sequential request takes (kept under 1 %). */
  requestShare: number;
  /** Latency at a fixed request rate (the same for every system), which corrects for coordinated omission. */
  fixedRate: number;
  fixedP50: number;
  fixedP99: number;
  statements: StatementCounts;
  /** Nesting depth of the API's document (null: not reported). */
  depth: number | null;
  /** Why a system is missing from the workload's rows. */
  note: string | null;
  rssMiB: number;
  peakMiB: number;
  failed: number;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const ratio = (a: number, b: number | undefined) => (b ? `${fmt(a / b, 2)}×` : '–');
/** A median with the rounds' spread beside it: `61.1 (58.2–63.0)`. */
const spread = (median: number, values: number[], digits = 1) => {
  if (values.length < 2) return fmt(median, digits);
  const { min, max } = sampleStats(values);
  return `${fmt(median, digits)} (${fmt(min, digits)}–${fmt(max, digits)})`;
};
const statementCell = (s: StatementCounts) =>
  `${fmt(s.data, 2)} (+${fmt(s.begin, 0)}, ${fmt(s.setConfig, 0)}, ${fmt(s.commit, 0)})`;
const failures = (row: SystemMeasurement) => (row.failed ? ` ${row.failed} failed` : '');

/** B1/B2 as a Markdown table: every figure with its ratio to PostGraphile and to the floor. */
export function formatTable(rows: SystemMeasurement[]): string {
  const header =
    '| workload | system | req/s median (min–max) | ×PostGraphile | ×floor | p50 ms (min–max) | p99 ms (min–max) | p50 ×floor | ' +
    'fixed rate req/s | p50 / p99 ms at fixed rate | SQL/req data (+begin, set_config, commit) | SQL ms/req | RSS MiB (peak) |';
  const lines = [header, `|${' --- |'.repeat(13)}`];
  for (const row of rows) {
    const same = rows.filter((r) => r.workload === row.workload);
    const pg = same.find((r) => r.system === 'postgraphile');
    const floor = same.find((r) => r.system === 'floor');
    lines.push(
      `| ${row.workload} | ${row.system} | ${spread(row.requestsPerSecond, row.rounds)} | ${ratio(row.requestsPerSecond, pg?.requestsPerSecond)} | ` +
        `${ratio(row.requestsPerSecond, floor?.requestsPerSecond)} | ${spread(row.p50, row.p50Rounds)} | ${spread(row.p99, row.p99Rounds)} | ` +
        `${ratio(row.p50, floor?.p50)} | ${fmt(row.fixedRate, 0)} | ${fmt(row.fixedP50)} / ${fmt(row.fixedP99)} | ` +
        `${statementCell(row.statements)} | ${fmt(row.statements.sqlMs)} | ${fmt(row.rssMiB, 0)} (${fmt(row.peakMiB, 0)}) |` +
        failures(row),
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * Page-load operations: the API against PostGraphile and the floor where they have one; statements per
 * request against the document's nesting depth (the target: data statements ≤ depth + 1).
 */
export function formatPageTable(rows: SystemMeasurement[], pages: Map<string, string>): string {
  const header =
    '| operation | page | system | req/s median (min–max) | ×PostGraphile | ×floor | p50 ms (min–max) | p50 ×floor | ' +
    'sequential ms | SQL/req data (+begin, set_config, commit) | depth | ≤ depth + 1 | SQL ms/req |';
  const lines = [header, `|${' --- |'.repeat(13)}`];
  for (const row of rows) {
    const same = rows.filter((r) => r.workload === row.workload);
    const pg = same.find((r) => r.system === 'postgraphile');
    const floor = same.find((r) => r.system === 'floor');
    const depth = row.depth ?? NaN;
    const bound = Number.isFinite(depth) ? (row.statements.data <= depth + 1 ? 'yes' : '**no**') : '–';
    const pgCell =
      row.system === 'renda' && !pg ? `– (${row.note ?? 'none'})` : ratio(row.requestsPerSecond, pg?.requestsPerSecond);
    lines.push(
      `| ${row.workload} | ${pages.get(row.workload) ?? ''} | ${row.system} | ${spread(row.requestsPerSecond, row.rounds)} | ${pgCell} | ` +
        `${ratio(row.requestsPerSecond, floor?.requestsPerSecond)} | ${spread(row.p50, row.p50Rounds)} | ${ratio(row.p50, floor?.p50)} | ` +
        `${fmt(row.sequentialMs)} | ${statementCell(row.statements)} | ${row.system === 'renda' ? fmt(depth, 0) : ''} | ` +
        `${row.system === 'renda' ? bound : ''} | ${fmt(row.statements.sqlMs)} |` +
        failures(row),
    );
  }
  return lines.join('\n') + '\n';
}
