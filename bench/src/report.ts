import type { StatementCounts } from './statements.js';
import type { SystemName, WorkloadName } from './workloads.js';

export interface SystemMeasurement {
  workload: WorkloadName;
  system: SystemName;
  /** Median over rounds of the maximum-throughput runs. */
  requestsPerSecond: number;
  rounds: number[];
  p50: number;
  p99: number;
  /** Latency at a fixed request rate (the same for every system), which corrects for coordinated omission. */
  fixedRate: number;
  fixedP50: number;
  fixedP99: number;
  statements: StatementCounts;
  rssMiB: number;
  peakMiB: number;
  failed: number;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const ratio = (a: number, b: number | undefined) => (b ? `${fmt(a / b, 2)}×` : '–');

/** A Markdown table: every figure with its ratio to PostGraphile and to the floor. */
export function formatTable(rows: SystemMeasurement[]): string {
  const header =
    '| workload | system | req/s (median) | ×PostGraphile | ×floor | p50 ms | p99 ms | p50 ×floor | ' +
    'fixed rate req/s | p50 / p99 ms at fixed rate | SQL/req data (+begin, set_config, commit) | SQL ms/req | RSS MiB (peak) |';
  const lines = [header, `|${' --- |'.repeat(13)}`];
  for (const row of rows) {
    const same = rows.filter((r) => r.workload === row.workload);
    const pg = same.find((r) => r.system === 'postgraphile');
    const floor = same.find((r) => r.system === 'floor');
    const s = row.statements;
    lines.push(
      `| ${row.workload} | ${row.system} | ${fmt(row.requestsPerSecond)} | ${ratio(row.requestsPerSecond, pg?.requestsPerSecond)} | ` +
        `${ratio(row.requestsPerSecond, floor?.requestsPerSecond)} | ${fmt(row.p50)} | ${fmt(row.p99)} | ${ratio(row.p50, floor?.p50)} | ` +
        `${fmt(row.fixedRate, 0)} | ${fmt(row.fixedP50)} / ${fmt(row.fixedP99)} | ` +
        `${fmt(s.data, 2)} (+${fmt(s.begin, 0)}, ${fmt(s.setConfig, 0)}, ${fmt(s.commit, 0)}) | ${fmt(s.sqlMs)} | ` +
        `${fmt(row.rssMiB, 0)} (${fmt(row.peakMiB, 0)}) |` +
        (row.failed ? ` ${row.failed} failed` : ''),
    );
  }
  return lines.join('\n') + '\n';
}
