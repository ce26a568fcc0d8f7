import type { FieldPath } from '../../common/errors/app-error.js';
import { badInput, defineError, type ErrorFactory } from '../../common/errors/define-error.js';
import { TEXT_PROBLEMS, type TextProblem } from '../../common/validation/text-rules.js';

const where = (path: FieldPath) => path.join('.');

/** One entry per text rule (TEXT_BLANK, TEXT_BIDI_CONTROL…), keyed by its reason. */
const textErrors: Record<string, ErrorFactory<[FieldPath]>> = Object.fromEntries(
  Object.values(TEXT_PROBLEMS).map((problem: TextProblem) => [
    problem.reason,
    defineError(problem.reason, (path: FieldPath) =>
      badInput(path, `${where(path)}${problem.zh}`, `${where(path)} ${problem.en}`),
    ),
  ]),
);

/** Refusals of the input hygiene: every argument and variable, checked before any resolver runs. */
export const inputHygieneErrors = {
  text: textErrors,
  textRejected: (path: FieldPath, problem: TextProblem) => textErrors[problem.reason]!(path),
  malformedId: defineError('INVALID_UUID', (path: FieldPath) =>
    badInput(path, `ID 格式无效：${where(path)}`, `Malformed ID at ${where(path)}`),
  ),
  instantOutOfRange: defineError('INSTANT_OUT_OF_RANGE', (path: FieldPath) =>
    badInput(
      path,
      `时间超出范围（0001 至 9999 年）：${where(path)}`,
      `Instant out of range (years 1-9999) at ${where(path)}`,
    ),
  ),
  dateOutOfRange: defineError('DATE_OUT_OF_RANGE', (path: FieldPath) =>
    badInput(
      path,
      `日期超出范围（0001 至 9999 年）：${where(path)}`,
      `Date out of range (years 1-9999) at ${where(path)}`,
    ),
  ),
};
