import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { commitImport, exportTownship, previewImport } from '../../modules/data-import/data-import.service.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { asUser, townshipFor } from '../as-user.js';
import { withCliContext } from '../cli-context.js';
import { cliOutput } from '../cli-output.js';
import { cliErrors } from '../cli.errors.js';

/** Who may import and export: as in the dashboard, a township's clerk (its own) or the county admin (any). */
const IMPORTERS = [UserRole.TOWNSHIP_CLERK, UserRole.COUNTY_ADMIN] as const;

interface ImportOptions {
  as: string;
  township?: string;
  commit?: boolean;
  json?: boolean;
}

function readUpload(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch {
    throw cliErrors.fileUnreadable(path);
  }
}

/**
 * `renda import <file>` and `renda export`: the dashboard's import (server/README.md, "Import and
 * export") for operators, acting as a named clerk or county admin. Without `--commit` an import only
 * previews: it lists every problem by sheet, row and column and writes nothing.
 */
export function registerDataImportCommands(program: Command): void {
  program
    .command('import <file>')
    .description('导入 Excel/CSV（默认仅预览）/ Import a workbook or CSV (preview unless --commit)')
    .requiredOption('--as <login>', 'the clerk or county admin the import is made as (and audited under)')
    .option('--township <id|name>', 'the township (default: the clerk’s own)')
    .option('--commit', 'write the rows (all or nothing) instead of only previewing')
    .option('--json', 'machine-readable output')
    .action(async (file: string, options: ImportOptions) => {
      const out = cliOutput(options.json ?? false);
      const bytes = readUpload(file);
      const report = await withCliContext({}, (ctx) =>
        asUser(ctx, options.as, IMPORTERS, async (request) => {
          const townshipId = await townshipFor(request.em, request.identity!, options.township);
          const upload = { townshipId, fileName: basename(file), bytes };
          return options.commit ? commitImport(request, upload) : previewImport(request, upload);
        }),
      );
      out.result(report, [
        `${report.committed ? '已导入 / imported' : '预览 / preview'}: ${report.fileName}`,
        ...report.sheets.map((s) => `  ${s.sheet}: ${s.rows} rows, ${s.created} new, ${s.unchanged} unchanged`),
        ...report.problems.map(
          (p) => `  ! ${p.sheet ?? ''} ${p.row ?? ''} ${p.column ?? ''} [${p.reason}] ${p.messageZh} / ${p.messageEn}`,
        ),
        report.problems.length > 0
          ? `${report.problems.length} problems: nothing written / 有 ${report.problems.length} 个问题，未写入`
          : report.committed
            ? 'done / 完成'
            : 'no problems: run again with --commit / 无问题，加 --commit 导入',
      ]);
    });

  program
    .command('export')
    .description('导出乡镇数据为工作簿 / Export a township’s data as a workbook')
    .requiredOption('--as <login>', 'the clerk or county admin the export is made as')
    .option('--township <id|name>', 'the township (default: the clerk’s own)')
    .requiredOption('--out <file>', 'where to write the .xlsx')
    .option('--json', 'machine-readable output')
    .action(async (options: Omit<ImportOptions, 'commit'> & { out: string }) => {
      const out = cliOutput(options.json ?? false);
      const content = await withCliContext({}, (ctx) =>
        asUser(ctx, options.as, IMPORTERS, async (request) =>
          exportTownship(request, await townshipFor(request.em, request.identity!, options.township)),
        ),
      );
      writeFileSync(options.out, content.bytes);
      out.result({ file: options.out, bytes: content.bytes.length, suggestedName: content.fileName }, [
        `已导出 / exported: ${options.out} (${content.bytes.length} bytes)`,
      ]);
    });
}
