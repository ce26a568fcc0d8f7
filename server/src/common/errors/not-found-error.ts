import { AppError } from './app-error.js';

export function notFoundError(
  entityZh: string,
  entityEn: string,
  id: string,
  field: readonly string[] = ['id'],
): AppError {
  return new AppError({
    code: 'NOT_FOUND',
    messageZh: `未找到${entityZh}：${id}`,
    messageEn: `${entityEn} not found: ${id}`,
    field,
  });
}
