import {
  CheckConstraintViolationException,
  DeadlockException,
  DriverException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  RowLevelSecurityViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { AppError } from './app-error.js';

/**
 * Constraint violations that reach the database are the caller's mistake or a lost race; they become
 * refusals with a code. The constraint's name goes to `details` for support, never SQL or values.
 */
export function mapDatabaseError(error: unknown): AppError | null {
  if (!(error instanceof DriverException)) return null;
  const constraint = (error as DriverException & { constraint?: string }).constraint;
  const details = constraint ? { constraint } : undefined;
  if (error instanceof UniqueConstraintViolationException) {
    return new AppError({
      code: 'CONFLICT',
      messageZh: '记录已存在或已被他人修改',
      messageEn: 'The record already exists or was changed by someone else',
      details,
    });
  }
  if (error instanceof DeadlockException) {
    return new AppError({
      code: 'CONFLICT',
      messageZh: '与他人的修改冲突，请重试',
      messageEn: 'Conflicted with a concurrent change; try again',
    });
  }
  if (error instanceof RowLevelSecurityViolationException || error.code === '42501') {
    return new AppError({
      code: 'FORBIDDEN',
      messageZh: '无权写入该乡镇或该记录',
      messageEn: 'Not allowed to write this township or record',
      details,
    });
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    return new AppError({
      code: 'BAD_USER_INPUT',
      messageZh: '引用的记录不存在',
      messageEn: 'A referenced record does not exist',
      details,
    });
  }
  if (error instanceof CheckConstraintViolationException || error instanceof NotNullConstraintViolationException) {
    return new AppError({
      code: 'BAD_USER_INPUT',
      messageZh: '数据不符合约束',
      messageEn: 'The data breaks a rule of the record',
      details,
    });
  }
  // Data exceptions (SQLSTATE class 22: a value out of range, an invalid text representation, NUL in text)
  // are input the checks before the database missed: the caller's mistake, never an internal error.
  if (typeof error.code === 'string' && error.code.startsWith('22')) {
    return new AppError({
      code: 'BAD_USER_INPUT',
      messageZh: '输入的值超出范围或格式无效',
      messageEn: 'A value is out of range or malformed',
      details: { sqlState: error.code },
    });
  }
  return null;
}
