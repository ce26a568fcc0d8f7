import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { securityErrors } from './security.errors.js';
import { appErrorExtensions } from '../../common/errors/app-error.js';

export interface ResponseSizeLimit {
  plugin: ApolloServerPlugin<BaseContext>;
  /** ApolloServer's `stringifyResult`: reuses the text the plugin measured instead of serialising twice. */
  stringifyResult(value: FormattedExecutionResult): string;
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
 */
export function responseSizeLimit(maxBytes: number): ResponseSizeLimit {
  // keyed by the result's data object, which Apollo passes on to stringifyResult unchanged
  const measured = new WeakMap<object, { errors: unknown; text: string }>();
  return {
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ response, operation }) {
            if (response.body.kind !== 'single' || operation?.operation === 'mutation') return;
            const result = response.body.singleResult;
            if (!result.data) return;
            const ordered = { errors: result.errors, data: result.data, extensions: result.extensions };
            const text = stringify(ordered);
            const bytes = Buffer.byteLength(text);
            if (bytes <= maxBytes) {
              measured.set(result.data, { errors: result.errors, text });
              return;
            }
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
      if (cached && cached.errors === value.errors) return cached.text;
      return stringify(value);
    },
  };
}
