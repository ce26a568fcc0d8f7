import { registerEnumType } from 'type-graphql';

export enum SuggestionKind {
  SUGGESTION = 'SUGGESTION',
  OPINION = 'OPINION',
  MOTION = 'MOTION',
}

registerEnumType(SuggestionKind, { name: 'SuggestionKind', description: '建议、意见、议案' });
