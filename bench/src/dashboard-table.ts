import { bundleSize, type BundleSize } from '@renda/dashboard/scripts/bundle-size.js';
import type { FirstChartResult, FirstChartRun } from './dashboard-first-chart.js';
import { sampleStats } from './sample-stats.js';

export interface DashboardTarget {
  /** Which data the server serves, e.g. `seed` (five townships) or `county` (the 40-township tier). */
  data: string;
  townships: number;
  login: string;
  result: FirstChartResult;
}

/** What `.data/bench-results/dashboard.json` holds. */
export interface DashboardFigures {
  date: string;
  commit: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
  };
  node: string;
  chromium: string;
  /** Budgets from issue 8. */
  targets: { initialJsGzipKB: number; firstChartMs: number };
  bundle: BundleSize;
  firstChart: DashboardTarget[];
}

export const FIRST_CHART_TARGET_MS = 1500;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;

/** The phases of a load, in the order they happen, as table rows. */
const PHASES: { label: string; pick: (run: FirstChartRun) => number | null }[] = [
  { label: 'index.html received', pick: (r) => r.documentMs },
  { label: 'initial JS run (DOMContentLoaded)', pick: (r) => r.domContentLoadedMs },
  { label: 'first GraphQL request sent', pick: (r) => r.firstGraphqlSentMs },
  { label: 'first GraphQL response', pick: (r) => r.firstGraphqlMs },
  { label: 'last GraphQL response before the chart', pick: (r) => r.lastGraphqlBeforeChartMs },
  { label: 'longest GraphQL request before the chart', pick: (r) => r.longestGraphqlMs },
];

function statsRow(label: string, values: number[], format: (value: number) => string, target: string): string {
  const s = sampleStats(values);
  return `| ${label} | ${format(s.median)} | ${format(s.p90)} | ${format(s.min)} | ${format(s.max)} | ${target} |`;
}

/** The markdown table of the README: the bundle, then per data set the first chart and its phases. */
export function dashboardTable(figures: DashboardFigures): string {
  const { bundle } = figures;
  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  const gzipOf = new Map(bundle.files.map((f) => [`/${f.file}`, f.gzipBytes]));
  const lines = [
    '| figure | median | p90 | min | max | target |',
    '| --- | --: | --: | --: | --: | --- |',
    `| initial JS, gzip (${bundle.files.filter((f) => f.initial).length} files; ${kb(bundle.initialBytes)} raw) | ` +
      `${kb(bundle.initialGzipBytes)} | | | | ≤ ${bundleSize.budgetKb} KB: ` +
      `${met(bundle.initialGzipBytes / 1024 <= bundleSize.budgetKb)} |`,
  ];
  for (const target of figures.firstChart) {
    const runs = target.result.runs;
    const first = sampleStats(runs.map((r) => r.firstChartMs));
    lines.push(
      statsRow(
        `**first chart**, ${target.data} (${target.townships} townships, \`${target.login}\`, ${runs.length} runs)`,
        runs.map((r) => r.firstChartMs),
        (v) => `**${ms(v)}**`,
        `< ${FIRST_CHART_TARGET_MS} ms: ${met(first.median < FIRST_CHART_TARGET_MS)} (median), ` +
          `${met(first.p90 < FIRST_CHART_TARGET_MS)} (p90)`,
      ),
    );
    for (const phase of PHASES) {
      const values = runs.map(phase.pick).filter((v): v is number => v !== null);
      if (values.length > 0) lines.push(statsRow(`↳ ${phase.label}`, values, ms, ''));
    }
    lines.push(
      statsRow(
        `↳ GraphQL requests before the chart`,
        runs.map((r) => r.graphqlBeforeChart),
        String,
        '',
      ),
      // The server sends JavaScript uncompressed: the wire bytes are the raw files.
      statsRow(
        `↳ JS before the chart, on the wire`,
        runs.map((r) => r.scriptBytesBeforeChart),
        kb,
        '',
      ),
      statsRow(
        `↳ JS before the chart, gzip (as the build counts it)`,
        runs.map((r) => r.scriptPathsBeforeChart.reduce((sum, path) => sum + (gzipOf.get(path) ?? 0), 0)),
        kb,
        '',
      ),
    );
  }
  return lines.join('\n');
}

/**
 * Per data set, the GraphQL operations that completed before the first chart in at least half of the
 * runs, with their median start and end: the chain the first chart waited for.
 */
export function dashboardOperationsTable(figures: DashboardFigures): string {
  const lines = [
    '| data | operation | runs | sent (median) | answered (median) | duration (median) |',
    '| --- | --- | --: | --: | --: | --: |',
  ];
  for (const target of figures.firstChart) {
    const byName = new Map<string, { start: number[]; end: number[]; duration: number[] }>();
    for (const run of target.result.runs)
      for (const op of run.operations) {
        const entry = byName.get(op.name) ?? { start: [], end: [], duration: [] };
        entry.start.push(op.startMs);
        entry.end.push(op.endMs);
        entry.duration.push(op.endMs - op.startMs);
        byName.set(op.name, entry);
      }
    const rows = [...byName.entries()]
      .filter(([, e]) => e.start.length * 2 >= target.result.runs.length)
      .map(([name, e]) => ({
        name,
        // an operation sent twice in a run (a refetch) counts once per run
        runs: Math.min(e.start.length, target.result.runs.length),
        start: sampleStats(e.start).median,
        end: sampleStats(e.end).median,
        duration: sampleStats(e.duration).median,
      }))
      .sort((a, b) => a.start - b.start);
    for (const row of rows)
      lines.push(
        `| ${target.data} | ${row.name} | ${row.runs} | ${ms(row.start)} | ${ms(row.end)} | ${ms(row.duration)} |`,
      );
  }
  return lines.join('\n');
}
