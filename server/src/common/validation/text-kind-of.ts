import { Extensions } from 'type-graphql';
import { TEXT_KIND_EXTENSION, type TextKind } from './text-rules.js';

/**
 * Declares on the GraphQL input field how the pre-execution input check reads it: line breaks allowed
 * (`multiLine`), or a password checked for control characters only (`secret`). Undeclared strings are
 * one-line text.
 */
export function TextKindOf(kind: TextKind): PropertyDecorator {
  return (target, key) => Extensions({ [TEXT_KIND_EXTENSION]: kind })(target, key as string);
}
