import type { GraphQLErrorLike } from '../../utils/describe-error';
import { isUnauthenticated } from '../../utils/describe-error';
import { useSessionStore } from '../../stores/session';
import { GRAPHQL_PATH } from '../../graphql/client';

export interface RawResult {
  data: unknown;
  errors: GraphQLErrorLike[] | null;
}

/**
 * Sends a query typed by hand (the explorer): no cache, no document transforms, the result as the
 * server gave it. A refused token ends the session like any other request.
 */
export async function rawGraphQL(query: string, variables: Record<string, unknown> | null): Promise<RawResult> {
  const session = useSessionStore();
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(session.token ? { authorization: `Bearer ${session.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: unknown; errors?: GraphQLErrorLike[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  const result = { data: body.data ?? null, errors: body.errors ?? null };
  if (isUnauthenticated(result) || response.status === 401) session.expire();
  return result;
}
