import { ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Command } from 'commander';
import { isUUID } from 'class-validator';
import { County } from '../../modules/county/county.entity.js';
import { Township } from '../../modules/township/township.entity.js';
import { Term } from '../../modules/term/term.entity.js';
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

  township
    .command('add-term')
    .description('为乡镇登记届次 / Register a congress term (届次) of a township')
    .requiredOption('--county <id|name>', 'the county (id, name or code)')
    .requiredOption('--township <id|name|code>', 'the township')
    .requiredOption('--name <名称>', 'the term’s name, e.g. 第八届 (the roster’s 届次 column names it)')
    .requiredOption('--from <YYYY-MM-DD>', 'the day the term began')
    .option('--to <YYYY-MM-DD>', 'the day it ended (none for the current term)')
    .option('--ordinal <n>', '8 for 第八届')
    .option('--json', 'machine-readable output')
    .action(async (options: TermOptions) => {
      const out = cliOutput(options.json ?? false);
      const name = cleanText(options.name, '--name', 100);
      const startedOn = isoDate(options.from, '--from');
      const endedOn = options.to === undefined ? null : isoDate(options.to, '--to');
      if (endedOn !== null && endedOn < startedOn) throw cliErrors.invalidDate('--to', options.to!);
      const ordinal = options.ordinal === undefined ? null : Number(options.ordinal);
      if (ordinal !== null && !(Number.isInteger(ordinal) && ordinal > 0 && ordinal < 100))
        throw cliErrors.invalidText('--ordinal', 2);
      const made = await withCliContext({}, async (ctx) => {
        const em = ctx.em();
        const county = await findCounty(em, options.county);
        const reference = options.township.trim();
        const found = await em.find(Township, {
          county: county.id,
          $or: [{ name: reference }, { code: reference }, ...(isUUID(reference) ? [{ id: reference }] : [])],
        });
        if (found.length !== 1) throw cliErrors.townshipNotFound(options.township);
        const township = found[0]!;
        if ((await em.count(Term, { township: township.id, name })) > 0) throw cliErrors.termTaken(name);
        const term = Object.assign(new Term(), {
          township: ref(Township, township.id),
          county: ref(County, county.id),
          name,
          ordinal,
          startedOn,
          endedOn,
        });
        await em.persist(term).flush();
        return { id: term.id, township: township.name, name, startedOn, endedOn };
      });
      out.result(made, [
        `已登记届次 / term registered: ${made.township} ${made.name} (${made.startedOn} – ${made.endedOn ?? ''})`,
      ]);
    });
}

interface TermOptions {
  county: string;
  township: string;
  name: string;
  from: string;
  to?: string;
  ordinal?: string;
  json?: boolean;
}

/** A calendar date as typed: YYYY-MM-DD and a real day. */
function isoDate(value: string, option: string): string {
  const text = value.trim();
  const parsed = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text)
    throw cliErrors.invalidDate(option, value);
  return text;
}
