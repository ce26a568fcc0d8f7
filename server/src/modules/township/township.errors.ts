import type { FieldPath } from '../../common/errors/app-error.js';
import { notFoundContent } from '../../common/errors/common.errors.js';
import { defineError } from '../../common/errors/define-error.js';

export const townshipErrors = {
  notFound: defineError('TOWNSHIP_NOT_FOUND', (id: string, field: FieldPath) =>
    notFoundContent({ zh: '乡镇', en: 'Township' }, id, field),
  ),
};
