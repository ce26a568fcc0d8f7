/**
 * What free text may contain, in one place: the DTO decorators (SingleLineText, MultiLineText) and the
 * pre-execution input check (graphql/input-hygiene) both read these rules.
 *
 * - Control characters (C0, DEL, C1) never: PostgreSQL refuses NUL and the rest is noise or an attack on
 *   whoever reads the text later; multi-line text keeps tab and line breaks.
 * - Unpaired UTF-16 surrogates never: the database would store U+FFFD, not what was sent.
 * - Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) never outside passwords: they
 *   make a name or title display as something other than what is stored ("Trojan Source").
 * - Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) not in one-line text (names, titles, keys,
 *   filters): two names that look identical would differ. Multi-line prose keeps them (emoji sequences
 *   use U+200D).
 * - Blank (empty or only white space) never: a title of spaces says nothing.
 */
export type TextKind = 'singleLine' | 'multiLine' | 'secret';

const CONTROL = /[\p{Cc}\p{Cs}]/u;
const CONTROL_EXCEPT_LINE_BREAKS = /[^\P{Cc}\t\n\r]|\p{Cs}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/u;
const NOT_BLANK = /\S/u;

export interface TextProblem {
  /** The refusal's reason (SCREAMING_SNAKE), one per rule. */
  reason: string;
  zh: string;
  en: string;
}

/** Every rule text may break; exported so the input hygiene's catalogue has an entry per rule. */
export const TEXT_PROBLEMS = {
  control: {
    reason: 'TEXT_CONTROL_CHARACTER',
    zh: '不得包含控制字符（含 NUL）',
    en: 'must not contain control characters (NUL included)',
  },
  lineBreak: {
    reason: 'TEXT_NOT_ONE_LINE',
    zh: '须为一行，不得包含控制字符（含 NUL）',
    en: 'must be one line without control characters',
  },
  bidi: {
    reason: 'TEXT_BIDI_CONTROL',
    zh: '不得包含双向文字控制符',
    en: 'must not contain bidirectional override or isolate characters',
  },
  zeroWidth: { reason: 'TEXT_ZERO_WIDTH', zh: '不得包含零宽字符', en: 'must not contain zero-width characters' },
  blank: { reason: 'TEXT_BLANK', zh: '不得为空或仅含空白', en: 'must not be empty or blank' },
} satisfies Record<string, TextProblem>;
const PROBLEMS = TEXT_PROBLEMS;

/** The first rule `value` breaks as text of this kind, or null. */
export function textProblem(value: string, kind: TextKind): TextProblem | null {
  if (kind === 'secret') return CONTROL.test(value) ? PROBLEMS.control : null;
  if (kind === 'multiLine' ? CONTROL_EXCEPT_LINE_BREAKS.test(value) : CONTROL.test(value))
    return kind === 'multiLine' ? PROBLEMS.control : PROBLEMS.lineBreak;
  if (BIDI_CONTROL.test(value)) return PROBLEMS.bidi;
  if (kind === 'singleLine' && ZERO_WIDTH.test(value)) return PROBLEMS.zeroWidth;
  if (!NOT_BLANK.test(value)) return PROBLEMS.blank;
  return null;
}

/** Where a GraphQL input field or argument declares its kind (see TextKindOf); one-line by default. */
export const TEXT_KIND_EXTENSION = 'rendaTextKind';
