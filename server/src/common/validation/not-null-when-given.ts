import { IsDefined, ValidateIf } from 'class-validator';

/**
 * For update inputs: an omitted field keeps the stored value, but a required column cannot be cleared,
 * so null is refused. The property's other rules run only when a value is given.
 */
export function NotNullWhenGiven(): PropertyDecorator {
  const rules = [
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    IsDefined({ message: '$property may be omitted but not null' }),
  ];
  return (target, key) => rules.forEach((rule) => rule(target, key as string));
}
