import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { Township } from '../township.entity.js';

@ObjectType()
export class TownshipConnection extends ConnectionType(Township) {}
