import { Length, Matches } from 'class-validator';

/**
 * No control characters (PostgreSQL refuses NUL; names and titles are one line) and no unpaired UTF-16
 * surrogates, which the database would store as U+FFFD: what is stored must be what was sent.
 */
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Cs}]*$/u;
const NOT_BLANK = /\S/;

/**
 * A one-line text such as a name or title: 1..maxLength characters, not only spaces, no control characters.
 * JavaScript counts UTF-16 units, never fewer than PostgreSQL's characters, so the column always fits.
 */
export function SingleLineText(maxLength: number): PropertyDecorator {
  const rules = [
    Length(1, maxLength, { message: `$property: 1-${maxLength} characters` }),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
    Matches(NO_CONTROL_CHARACTERS, { message: '$property must be one line without control characters' }),
  ];
  return (target, key) => rules.forEach((rule) => rule(target, key as string));
}
