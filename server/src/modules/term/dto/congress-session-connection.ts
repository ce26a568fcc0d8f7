import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { CongressSession } from '../congress-session.entity.js';

@ObjectType()
export class CongressSessionConnection extends ConnectionType(CongressSession) {}
