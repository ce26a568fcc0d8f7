import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { Station } from '../station.entity.js';

@ObjectType()
export class StationConnection extends ConnectionType(Station) {}
