import { stringify } from 'safe-stable-stringify';

const canonical = new WeakMap<object, string>();

/**
 * A request's variables as canonical JSON (key order does not matter), computed once per variables
 * object: the cost verdicts, the input checks and the result cache all key by it, and the same request
 * hands each of them the same object.
 */
export function canonicalVariables(variables: Readonly<Record<string, unknown>> | undefined): string {
  if (!variables) return '{}';
  let text = canonical.get(variables);
  if (text === undefined) {
    text = stringify(variables);
    canonical.set(variables, text);
  }
  return text;
}
