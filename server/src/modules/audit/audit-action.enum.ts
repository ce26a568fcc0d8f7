import { registerEnumType } from 'type-graphql';

export enum AuditAction {
  INSERT = 'INSERT',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}

registerEnumType(AuditAction, { name: 'AuditAction' });
