import { Length } from 'class-validator';
import { TextRules } from './single-line-text.js';
import { TextKindOf } from './text-kind-of.js';

/** A free text such as an outcome or a reason: 1..maxLength characters, line breaks allowed, not blank. */
export function MultiLineText(maxLength: number): PropertyDecorator {
  const rules = [
    Length(1, maxLength, { message: `$property: 1-${maxLength} characters` }),
    TextRules('multiLine'),
    TextKindOf('multiLine'),
  ];
  return (target, key) => rules.forEach((rule) => rule(target, key as string));
}
