import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { securityErrors } from './security.errors.js';
import { appErrorExtensions } from '../../common/errors/app-error.js';

export interface ResponseSizeLimit {
  plugin: ApolloServerPlugin<BaseContext>;
  /** ApolloServer's `stringifyResult`: reuses the text the plugin measured instead of serialising twice. */
  stringifyResult(value: FormattedExecutionResult): string;
}

interface Measured {
  errors: unknown;
  extensions: unknown;
  text: string;
  bytes: number;
}

/** What Apollo's own stringifier does (`prettyJSONStringify`). */
function stringify(value: FormattedExecutionResult): string {
  return `${JSON.stringify(value)}\n`;
}

/**
 * Caps a query's response body at `maxBytes` (UTF-8). The result is serialised once, in
 * `willSendResponse`, before a byte is sent: when it is too large, the client gets a coded
 * BAD_USER_INPUT (HTTP 400) instead of the data, never a cut-off body; otherwise the same text is
 * handed to Apollo's `stringifyResult`. Mutations are left alone: they have committed by then, and
 * answering an error for a write that happened would invite a retry (their results are small and
 * bounded by the cost limit anyway).
 *
 * A data object seen before (the result cache hands the same object, never mutated, to every hit) keeps its
 * measured text for as long as it lives: a cached answer is serialised once, not once per response.
 */
export function responseSizeLimit(maxBytes: number): ResponseSizeLimit {
  // keyed by the result's data object, which Apollo passes on to stringifyResult unchanged
  const measured = new WeakMap<object, Measured>();
  const measure = (result: FormattedExecutionResult & { data: object }): Measured => {
    const known = measured.get(result.data);
    if (known && known.errors === result.errors && known.extensions === result.extensions) return known;
    const text = stringify({ errors: result.errors, data: result.data, extensions: result.extensions });
    const fresh = { errors: result.errors, extensions: result.extensions, text, bytes: Buffer.byteLength(text) };
    measured.set(result.data, fresh);
    return fresh;
  };
  return {
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ response, operation }) {
            if (response.body.kind !== 'single' || operation?.operation === 'mutation') return;
            const result = response.body.singleResult;
            const { data } = result;
            if (!data) return;
            const { bytes } = measure({ ...result, data });
            if (bytes <= maxBytes) return;
            const error = securityErrors.limitExceeded.responseSize(maxBytes, bytes);
            response.body.singleResult = {
              errors: [
                {
                  message: error.message,
                  extensions: appErrorExtensions(error),
                },
              ],
            };
            response.http.status = 400;
          },
        };
      },
    },
    stringifyResult(value) {
      const cached = value.data ? measured.get(value.data) : undefined;
      if (cached && cached.errors === value.errors && cached.extensions === value.extensions) return cached.text;
      return stringify(value);
    },
  };
}
