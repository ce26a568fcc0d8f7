import { defineError } from './define-error.js';

type Details = Record<string, unknown> | undefined;

/**
 * What the database refused, as clients see it (map-database-error.ts): the reason names the kind of
 * violation, `details.constraint` the constraint for support. Timeouts and outages (map-availability-error.ts)
 * are not the caller's fault: their reasons say what ran out.
 */
export const databaseErrors = {
  uniqueViolation: defineError('UNIQUE_VIOLATION', (details: Details) => ({
    code: 'CONFLICT',
    messageZh: '记录已存在或已被他人修改',
    messageEn: 'The record already exists or was changed by someone else',
    details,
  })),
  deadlock: defineError('DEADLOCK', () => ({
    code: 'CONFLICT',
    messageZh: '与他人的修改冲突，请重试',
    messageEn: 'Conflicted with a concurrent change; try again',
  })),
  rowSecurityViolation: defineError('ROW_SECURITY_VIOLATION', (details: Details) => ({
    code: 'FORBIDDEN',
    messageZh: '无权写入该乡镇或该记录',
    messageEn: 'Not allowed to write this township or record',
    details,
  })),
  foreignKeyViolation: defineError('FOREIGN_KEY_VIOLATION', (details: Details) => ({
    code: 'BAD_USER_INPUT',
    messageZh: '引用的记录不存在',
    messageEn: 'A referenced record does not exist',
    details,
  })),
  checkViolation: defineError('CHECK_VIOLATION', (details: Details) => ({
    code: 'BAD_USER_INPUT',
    messageZh: '数据不符合约束',
    messageEn: 'The data breaks a rule of the record',
    details,
  })),
  invalidValue: defineError('INVALID_VALUE', (sqlState: string) => ({
    code: 'BAD_USER_INPUT',
    messageZh: '输入的值超出范围或格式无效',
    messageEn: 'A value is out of range or malformed',
    details: { sqlState },
  })),
  unavailable: defineError('DATABASE_UNAVAILABLE', () => ({
    code: 'UNAVAILABLE',
    messageZh: '数据库暂时不可用，请稍后重试',
    messageEn: 'The database is unavailable for the moment; try again shortly',
  })),
  /** A node of a Citus cluster (a worker) could not be reached or broke off mid-transaction. */
  nodeUnavailable: defineError('DATABASE_NODE_UNAVAILABLE', () => ({
    code: 'UNAVAILABLE',
    messageZh: '数据库集群的一个节点暂时不可用，未作任何修改，请稍后重试',
    messageEn:
      'A node of the database cluster is unavailable for the moment and nothing was changed; try again shortly',
  })),
  /**
   * A Citus worker broke off while the coordinator committed a transaction on it ("could not commit
   * transaction for shard … on at least one active node"): the worker may have committed before it went,
   * so unlike DATABASE_NODE_UNAVAILABLE this does not say nothing was changed.
   */
  commitOutcomeUnknown: defineError('DATABASE_COMMIT_OUTCOME_UNKNOWN', () => ({
    code: 'UNAVAILABLE',
    messageZh: '提交时数据库集群的一个节点中断，本次修改可能已保存也可能未保存，请刷新核对后再重试',
    messageEn:
      'A node of the database cluster broke off during the commit: the change may or may not have been saved; check before trying again',
  })),
  /**
   * The database cannot run the statement at all (SQLSTATE 0A000: on a Citus cluster, a query it cannot
   * plan across shards). Not the caller's fault and not an outage: logged for the operator, answered as
   * UNAVAILABLE (503) because this deployment cannot serve the request; the same request fails again until
   * the server or the cluster is fixed. Also Citus's 25001 when one transaction reaches a shard it wrote
   * as another role (map-database-error.ts).
   */
  featureNotSupported: defineError(
    'DATABASE_FEATURE_NOT_SUPPORTED',
    (sqlState: '0A000' | '25001' | 'XX000' = '0A000') => ({
      code: 'UNAVAILABLE',
      messageZh: '数据库无法执行此请求，未作任何修改；问题已记录，请联系管理员',
      messageEn:
        'The database cannot run this request and nothing was changed; the problem was logged, contact your administrator',
      details: { sqlState },
    }),
  ),
};

/** What ran out of time; kept in `details.reason` too, where clients read it before reasons existed. */
export type TimeoutReason = 'STATEMENT_TIMEOUT' | 'LOCK_TIMEOUT' | 'IDLE_IN_TRANSACTION_TIMEOUT' | 'TENANT_BUSY';

const timeout = (reason: TimeoutReason) =>
  defineError(reason, () => ({
    code: 'TIMEOUT',
    messageZh: '请求超时，未作任何修改，请稍后重试',
    messageEn: 'The request timed out and changed nothing; try again shortly',
    details: { reason },
  }));

export const timeoutErrors = {
  STATEMENT_TIMEOUT: timeout('STATEMENT_TIMEOUT'),
  LOCK_TIMEOUT: timeout('LOCK_TIMEOUT'),
  IDLE_IN_TRANSACTION_TIMEOUT: timeout('IDLE_IN_TRANSACTION_TIMEOUT'),
  /** The tenant's share of the connection pool stayed busy (http/tenant-bulkhead.ts). */
  TENANT_BUSY: timeout('TENANT_BUSY'),
} satisfies Record<TimeoutReason, unknown>;
