import {
  CheckConstraintViolationException,
  DeadlockException,
  DriverException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  RowLevelSecurityViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { AppError } from './app-error.js';
import { databaseErrors } from './database.errors.js';

/**
 * Constraint violations that reach the database are the caller's mistake or a lost race; they become
 * refusals with a code. The constraint's name goes to `details` for support, never SQL or values.
 */
export function mapDatabaseError(error: unknown): AppError | null {
  if (!(error instanceof DriverException)) return null;
  const constraint = (error as DriverException & { constraint?: string }).constraint;
  const details = constraint ? { constraint } : undefined;
  if (error instanceof UniqueConstraintViolationException) {
    return databaseErrors.uniqueViolation(details);
  }
  if (error instanceof DeadlockException) {
    return databaseErrors.deadlock();
  }
  if (error instanceof RowLevelSecurityViolationException || error.code === '42501') {
    return databaseErrors.rowSecurityViolation(details);
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    return databaseErrors.foreignKeyViolation(details);
  }
  if (error instanceof CheckConstraintViolationException || error instanceof NotNullConstraintViolationException) {
    return databaseErrors.checkViolation(details);
  }
  // Data exceptions (SQLSTATE class 22: a value out of range, an invalid text representation, NUL in text)
  // are input the checks before the database missed: the caller's mistake, never an internal error.
  if (typeof error.code === 'string' && error.code.startsWith('22')) {
    return databaseErrors.invalidValue(error.code);
  }
  // feature_not_supported: what a Citus cluster answers for a statement it cannot distribute ("could not
  // create distributed plan", a subquery it cannot push down, a nested distributed query from a shard).
  if (error.code === '0A000') return databaseErrors.featureNotSupported();
  // Citus refuses a transaction that reaches a shard it already wrote as another role (a security-definer
  // function reading a row the request just wrote): active_sql_transaction with this text. A design fault
  // of ours on a cluster, answered like 0A000; PostgreSQL's own 25001 errors stay internal.
  if (error.code === '25001' && /modified in this transaction by a different user/.test(error.message)) {
    return databaseErrors.featureNotSupported('25001');
  }
  // Citus's planner raises some refusals with no SQLSTATE of their own (internal_error): the same design
  // fault as 0A000 on a cluster, answered alike. PostgreSQL's own XX000 errors stay internal.
  if (error.code === 'XX000' && /Distributed queries with .* are not supported in PG1\d/.test(error.message)) {
    return databaseErrors.featureNotSupported('XX000');
  }
  return null;
}
