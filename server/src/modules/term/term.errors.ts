import type { FieldPath } from '../../common/errors/app-error.js';
import { notFoundContent } from '../../common/errors/common.errors.js';
import { defineError } from '../../common/errors/define-error.js';

export const termErrors = {
  notFound: defineError('TERM_NOT_FOUND', (id: string, field: FieldPath) =>
    notFoundContent({ zh: '届次', en: 'Term' }, id, field),
  ),
};
