import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

/** What type-graphql passes class-validator for `validate: { forbidUnknownValues: false }`. */
const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * type-graphql's own argument validation (resolvers/validate-arg.js: class-validator on every input object
 * and object argument, each item of a list, the same options and the same ArgumentValidationError), with
 * class-validator imported once. type-graphql imports it dynamically on every argument it validates: about
 * 4 % of the API's CPU for a one-statement request with a filter and a page.
 */
export const validateArgs: ValidatorFn = async (value: unknown) => {
  if (!isObject(value)) return;
  try {
    if (Array.isArray(value)) await Promise.all(value.filter(isObject).map((item) => validateOrReject(item, OPTIONS)));
    else await validateOrReject(value, OPTIONS);
  } catch (error) {
    throw new ArgumentValidationError(error as ValidationError[]);
  }
};
