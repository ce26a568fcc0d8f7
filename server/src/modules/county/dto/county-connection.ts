import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { County } from '../county.entity.js';

@ObjectType()
export class CountyConnection extends ConnectionType(County) {}
