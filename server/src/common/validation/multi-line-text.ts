import { Length, Matches } from 'class-validator';

/**
 * Control characters other than tab and line breaks (PostgreSQL refuses NUL, the rest is noise) and unpaired
 * UTF-16 surrogates (stored as U+FFFD, so not what was sent).
 */
const NO_STRAY_CONTROL_CHARACTERS = /^(?:[^\p{Cc}\p{Cs}]|[\t\n\r])*$/u;
const NOT_BLANK = /\S/;

/** A free text such as an outcome: 1..maxLength characters, line breaks allowed, not only spaces. */
export function MultiLineText(maxLength: number): PropertyDecorator {
  const rules = [
    Length(1, maxLength, { message: `$property: 1-${maxLength} characters` }),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
    Matches(NO_STRAY_CONTROL_CHARACTERS, { message: '$property must not contain control characters' }),
  ];
  return (target, key) => rules.forEach((rule) => rule(target, key as string));
}
