import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { Election } from '../election.entity.js';

@ObjectType()
export class ElectionConnection extends ConnectionType(Election) {}
