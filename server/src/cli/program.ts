import { Command } from 'commander';
import { registerAdminCommands } from './commands/admin.js';
import { registerBackupCommand } from './commands/backup.js';
import { registerCatalogCommands } from './commands/catalog.js';
import { registerCountyCommands } from './commands/county.js';
import { registerDataImportCommands } from './commands/data-import.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerRestoreCommand } from './commands/restore.js';
import { registerTownshipCommands } from './commands/township.js';
import { registerUsersCommands } from './commands/users.js';

/**
 * The `renda` command for operators. Each command registers itself from `commands/`; all of them work
 * against DATABASE_URL / MIGRATION_DATABASE_URL or the embedded database (cli-context.ts).
 */
export function createProgram(): Command {
  const program = new Command('renda')
    .description('Renda 运维命令 / Renda operator commands')
    .showHelpAfterError()
    // Commands fail by throwing; main.ts prints the refusal once, without a stack.
    .exitOverride();
  for (const register of [
    registerMigrateCommand,
    registerCountyCommands,
    registerTownshipCommands,
    registerAdminCommands,
    registerUsersCommands,
    registerDataImportCommands,
    registerCatalogCommands,
    registerBackupCommand,
    registerRestoreCommand,
  ])
    register(program);
  return program;
}
