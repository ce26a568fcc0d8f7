import type { Command } from 'commander';
import { createLogger } from '../../common/logging/logger.js';
import { prepareDatabase } from '../../server/prepare-database.js';
import { withCliContext } from '../cli-context.js';
import { cliOutput } from '../cli-output.js';

/**
 * `renda migrate`: what the server does at start-up, alone: apply pending migrations (the reference data
 * comes with them), load the demonstration county into an empty database when RENDA_SEED allows (never by
 * default in production), and refuse production while demo accounts are active.
 */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移 / Apply pending migrations (and the demo seed where RENDA_SEED allows)')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const out = cliOutput(options.json ?? false);
      const result = await withCliContext({ requireMigrated: false }, (ctx) =>
        prepareDatabase(ctx.config, ctx, createLogger({ level: 'error' })),
      );
      out.result(result, [
        result.migrations.length === 0
          ? '数据库已是最新 / the database is up to date'
          : `已执行 ${result.migrations.length} 个迁移 / applied ${result.migrations.length} migrations:\n  ${result.migrations.join('\n  ')}`,
        ...(result.seededRows > 0
          ? [`已载入演示数据 ${result.seededRows} 行 / loaded ${result.seededRows} demo rows`]
          : []),
      ]);
    });
}
