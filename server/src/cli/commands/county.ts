import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Command } from 'commander';
import { County } from '../../modules/county/county.entity.js';
import { withCliContext } from '../cli-context.js';
import { cliOutput } from '../cli-output.js';
import { cleanText, generatedCode } from '../cli-input.js';
import { cliErrors } from '../cli.errors.js';

export interface CountyCreateOptions {
  name: string;
  code?: string;
  nameEn?: string;
  json?: boolean;
}

/** `renda county create`: a county with no township, user or record; the reference data it shares. */
export function registerCountyCommands(program: Command): void {
  const county = program.command('county').description('县 / Counties');
  county
    .command('create')
    .description('新建县 / Create a county')
    .requiredOption('--name <名称>', 'name, e.g. 彭山区')
    .option('--code <code>', 'a short unique code (default: generated)')
    .option('--name-en <name>', 'English name (default: the name)')
    .option('--json', 'machine-readable output')
    .action(async (options: CountyCreateOptions) => {
      const out = cliOutput(options.json ?? false);
      const name = cleanText(options.name, '--name', 100);
      const nameEn = cleanText(options.nameEn ?? name, '--name-en', 200);
      const made = await withCliContext({}, async (ctx) => {
        const em = ctx.em();
        if ((await em.count(County, { name })) > 0) throw cliErrors.countyNameTaken(name);
        const row = Object.assign(new County(), { name, nameEn });
        row.code = options.code === undefined ? generatedCode('C', row.id) : cleanText(options.code, '--code', 32);
        try {
          await em.persist(row).flush();
        } catch (error) {
          if (error instanceof UniqueConstraintViolationException) throw cliErrors.countyCodeTaken(row.code);
          throw error;
        }
        return row;
      });
      out.result({ id: made.id, code: made.code, name: made.name, nameEn: made.nameEn }, [
        `已新建县 / created county: ${made.name} (code ${made.code}, id ${made.id})`,
      ]);
    });
}
