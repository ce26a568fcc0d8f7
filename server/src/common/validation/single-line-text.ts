import { Length, ValidateBy } from 'class-validator';
import { textProblem, type TextKind } from './text-rules.js';

/** class-validator's form of the text rules (text-rules.ts), so DTO validation states the same refusal. */
export function TextRules(kind: TextKind): PropertyDecorator {
  return ValidateBy({
    name: 'textRules',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || textProblem(value, kind) === null,
      defaultMessage: (args) =>
        `${args?.property ?? 'text'} ${typeof args?.value === 'string' ? (textProblem(args.value, kind)?.en ?? '') : ''}`,
    },
  });
}

/**
 * A one-line text such as a name or title: 1..maxLength characters, not blank, none of the characters
 * text-rules.ts refuses. JavaScript counts UTF-16 units, never fewer than PostgreSQL's characters, so the
 * column always fits.
 */
export function SingleLineText(maxLength: number): PropertyDecorator {
  const rules = [Length(1, maxLength, { message: `$property: 1-${maxLength} characters` }), TextRules('singleLine')];
  return (target, key) => rules.forEach((rule) => rule(target, key as string));
}
