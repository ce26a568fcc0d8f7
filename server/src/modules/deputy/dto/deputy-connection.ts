import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { Deputy } from '../deputy.entity.js';

@ObjectType()
export class DeputyConnection extends ConnectionType(Deputy) {}
