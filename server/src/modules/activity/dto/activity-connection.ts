import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { Activity } from '../activity.entity.js';

@ObjectType()
export class ActivityConnection extends ConnectionType(Activity) {}
