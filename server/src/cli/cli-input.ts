import { isUUID } from 'class-validator';
import type { EntityManager } from '@mikro-orm/postgresql';
import { County } from '../modules/county/county.entity.js';
import { cliErrors } from './cli.errors.js';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

/** A name an operator typed: trimmed, one line, 1–max characters. */
export function cleanText(value: string, option: string, max: number): string {
  const text = value.trim();
  if (text === '' || [...text].length > max || CONTROL.test(text)) throw cliErrors.invalidText(option, max);
  return text;
}

/** `--county <id|name|code>`: an id, else exactly one county of that name or code. */
export async function findCounty(em: EntityManager, reference: string): Promise<County> {
  const text = reference.trim();
  const found = isUUID(text)
    ? await em.find(County, { id: text })
    : await em.find(County, { $or: [{ name: text }, { code: text }] }, { orderBy: { id: 'asc' } });
  if (found.length === 0) throw cliErrors.countyNotFound(reference);
  if (found.length > 1)
    throw cliErrors.countyAmbiguous(
      text,
      found.map((c) => c.id),
    );
  return found[0]!;
}

/** A short code for a row the operator gave none: the end of its UUID v7 (the random part). */
export function generatedCode(prefix: string, id: string): string {
  return `${prefix}-${id.replaceAll('-', '').slice(-8).toUpperCase()}`;
}
