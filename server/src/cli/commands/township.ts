import { ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Command } from 'commander';
import { County } from '../../modules/county/county.entity.js';
import { Township } from '../../modules/township/township.entity.js';
import { withCliContext } from '../cli-context.js';
import { cliOutput } from '../cli-output.js';
import { cleanText, findCounty, generatedCode } from '../cli-input.js';
import { cliErrors } from '../cli.errors.js';

interface TownshipCreateOptions {
  county: string;
  name: string;
  code?: string;
  nameEn?: string;
  json?: boolean;
}

/** `renda township create`: a township of a county, empty until its clerk records or imports. */
export function registerTownshipCommands(program: Command): void {
  const township = program.command('township').description('乡镇 / Townships');
  township
    .command('create')
    .description('新建乡镇 / Create a township of a county')
    .requiredOption('--county <id|name>', 'the county (id, name or code)')
    .requiredOption('--name <名称>', 'name, e.g. 青龙镇')
    .option('--code <code>', 'a code unique within the county (default: generated)')
    .option('--name-en <name>', 'English name (default: the name)')
    .option('--json', 'machine-readable output')
    .action(async (options: TownshipCreateOptions) => {
      const out = cliOutput(options.json ?? false);
      const name = cleanText(options.name, '--name', 100);
      const nameEn = cleanText(options.nameEn ?? name, '--name-en', 200);
      const made = await withCliContext({}, async (ctx) => {
        const em = ctx.em();
        const county = await findCounty(em, options.county);
        if ((await em.count(Township, { county: county.id, name })) > 0) throw cliErrors.townshipTaken(name);
        const row = Object.assign(new Township(), { county: ref(County, county.id), name, nameEn });
        row.code = options.code === undefined ? generatedCode('T', row.id) : cleanText(options.code, '--code', 32);
        try {
          await em.persist(row).flush();
        } catch (error) {
          if (error instanceof UniqueConstraintViolationException) throw cliErrors.townshipTaken(row.code);
          throw error;
        }
        return { id: row.id, code: row.code, name: row.name, countyId: county.id, countyName: county.name };
      });
      out.result(made, [
        `已新建乡镇 / created township: ${made.countyName} ${made.name} (code ${made.code}, id ${made.id})`,
      ]);
    });
}
