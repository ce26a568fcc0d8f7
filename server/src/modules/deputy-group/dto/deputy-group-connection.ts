import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { DeputyGroup } from '../deputy-group.entity.js';

@ObjectType()
export class DeputyGroupConnection extends ConnectionType(DeputyGroup) {}
