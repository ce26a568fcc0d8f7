import {
  GraphQLID,
  GraphQLString,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import type { AppError } from '../../common/errors/app-error.js';
import { TEXT_KIND_EXTENSION, textProblem, type TextKind } from '../../common/validation/text-rules.js';
import { inputHygieneErrors } from './input-hygiene.errors.js';

type Path = readonly (string | number)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** PostgreSQL's `date` and `timestamptz` reach further, but nothing here is dated outside four-digit years. */
const EARLIEST_INSTANT = Date.parse('0001-01-01T00:00:00Z');
const LATEST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

export function textKindOf(extensions: Readonly<Record<string, unknown>> | null | undefined): TextKind {
  const kind = extensions?.[TEXT_KIND_EXTENSION];
  return kind === 'multiLine' || kind === 'secret' ? kind : 'singleLine';
}

/** JSON (saved queries' variables) goes into jsonb: its strings and keys follow the multi-line rules. */
function checkJson(value: unknown, path: Path): AppError | null {
  if (typeof value === 'string') {
    const problem = textProblem(value, 'multiLine');
    // an empty string is a legitimate JSON value; only the characters matter here
    if (problem && value.trim() !== '') return inputHygieneErrors.textRejected(path, problem);
    return null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = checkJson(item, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = checkJson(key, [...path, key]) ?? checkJson(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function checkScalar(typeName: string, value: unknown, kind: TextKind, path: Path): AppError | null {
  if (typeName === GraphQLString.name && typeof value === 'string') {
    const problem = textProblem(value, kind);
    return problem ? inputHygieneErrors.textRejected(path, problem) : null;
  }
  if (typeName === GraphQLID.name) {
    // every id of the platform is a UUID: "" or anything else cannot name a row, and must not read as "none"
    return typeof value === 'string' && UUID.test(value) ? null : inputHygieneErrors.malformedId(path);
  }
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) || time < EARLIEST_INSTANT || time > LATEST_INSTANT
      ? inputHygieneErrors.instantOutOfRange(path)
      : null;
  }
  if (typeName === 'LocalDate' && typeof value === 'string' && value.startsWith('0000')) {
    return inputHygieneErrors.dateOutOfRange(path);
  }
  if (typeName === 'JSONObject' || typeName === 'JSON') return checkJson(value, path);
  return null;
}

/**
 * The first rule a coerced argument value breaks, walking input objects and lists with their types so
 * the refusal names the field (`['input', 'values', 2, 'overrideReason']`). `kind` is the text kind of
 * the argument or input field holding `value`.
 */
export function checkValue(type: GraphQLInputType, value: unknown, kind: TextKind, path: Path): AppError | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return checkValue(type.ofType, value, kind, path);
  if (isListType(type)) {
    if (!Array.isArray(value)) return checkValue(type.ofType, value, kind, path);
    for (const [i, item] of value.entries()) {
      const found = checkValue(type.ofType, item, kind, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (!field) continue;
      const found = checkValue(field.type, item, textKindOf(field.extensions), [...path, name]);
      if (found) return found;
    }
    return null;
  }
  if (isScalarType(type)) return checkScalar(type.name, value, kind, path);
  return null;
}
