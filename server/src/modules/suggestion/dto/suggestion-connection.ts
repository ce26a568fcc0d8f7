import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { Suggestion } from '../suggestion.entity.js';

@ObjectType()
export class SuggestionConnection extends ConnectionType(Suggestion) {}
