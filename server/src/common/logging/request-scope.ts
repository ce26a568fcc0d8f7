import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while serving one HTTP request carries. */
export interface RequestScope {
  requestId: string;
  /** The GraphQL operation's name once it is known (anonymous operations have none). */
  operationName?: string;
}

/**
 * The current request, for code that has no request context at hand (the logger's mixin, Apollo's
 * error formatter). Set by the request-id middleware around everything that serves the request.
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();
