import type { Command } from 'commander';
import { withCliContext } from '../cli-context.js';
import { cliOutput } from '../cli-output.js';
import { syncCatalog, type SyncCounts } from '../catalog-sync.js';

function describe(label: string, counts: SyncCounts): string[] {
  return [
    `${label}: +${counts.inserted.length} 新增/inserted, ~${counts.updated.length} 更新/updated, ${counts.unchanged} 未变/unchanged`,
    ...(counts.inserted.length > 0 ? [`  inserted: ${counts.inserted.join(', ')}`] : []),
    ...(counts.updated.length > 0 ? [`  updated: ${counts.updated.join(', ')}`] : []),
    ...(counts.kept.length > 0 ? [`  kept (not in this release, never deleted): ${counts.kept.join(', ')}`] : []),
    ...(counts.conflicts.length > 0
      ? [`  not added (a county has its own metric of this key): ${counts.conflicts.join(', ')}`]
      : []),
  ];
}

/** `renda catalog sync`: the platform metric catalog and national calendar of this build into the database. */
export function registerCatalogCommands(program: Command): void {
  const catalog = program.command('catalog').description('平台参考数据 / Platform reference data');
  catalog
    .command('sync')
    .description(
      '将指标目录与全国节假日同步为本版本所带内容 / Bring the metric catalog and national calendar up to this release',
    )
    .option('--dry-run', 'only say what would change')
    .option('--json', 'machine-readable output')
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      const out = cliOutput(options.json ?? false);
      const result = await withCliContext({}, (ctx) => syncCatalog(ctx.em(), options.dryRun ?? false));
      out.result(result, [
        ...(result.dryRun ? ['（演练，未写入 / dry run, nothing written）'] : []),
        ...describe('指标目录 / metric catalog', result.metrics),
        ...describe('全国节假日 / national calendar', result.calendar),
      ]);
    });
}
