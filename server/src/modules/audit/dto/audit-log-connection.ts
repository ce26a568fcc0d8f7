import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { AuditLogEntry } from '../audit-log-entry.entity.js';

@ObjectType()
export class AuditLogConnection extends ConnectionType(AuditLogEntry) {}
