import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import type { DocumentNode } from 'graphql';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { PERSISTED_QUERY_IDS } from './generated/persisted-query-ids';
import { isUnauthenticated } from '../utils/describe-error';
import { readYourWritesLink } from './read-your-writes';

export interface SessionAccess {
  token(): string | null;
  /** Called when the server refuses the token: the session is over. */
  expire(): void;
}

export const GRAPHQL_PATH = '/graphql';

function operationName(document: DocumentNode): string | undefined {
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  return operation?.kind === 'OperationDefinition' ? operation.name?.value : undefined;
}

/** The build-time hash of a registered operation (scripts/persisted-operations.js), or undefined. */
export function persistedQueryId(document: DocumentNode): string | undefined {
  const name = operationName(document);
  return name === undefined ? undefined : PERSISTED_QUERY_IDS[name];
}

/**
 * Registered operations go by hash: queries as GET (the browser revalidates them with If-None-Match and
 * the server answers 304 while the data version is unchanged), mutations as POST. A server that does not
 * know the hash (another build during a rollout) answers PERSISTED_QUERY_NOT_FOUND and the link sends
 * the full document once. Other documents (the explorer's) are sent in full, as before.
 */
function persistedOperationsLink(): ApolloLink {
  const persisted = new PersistedQueryLink({
    generateHash: (document) => persistedQueryId(document) ?? '',
    useGETForHashedQueries: true,
    retry: ({ error, meta }) =>
      meta.persistedQueryNotFound ||
      (CombinedGraphQLErrors.is(error) &&
        error.errors.some((e) => e.extensions?.['reason'] === 'PERSISTED_QUERY_NOT_FOUND')),
  });
  return ApolloLink.split((operation) => persistedQueryId(operation.query) !== undefined, persisted);
}

/** Apollo Client over /graphql (same origin: the server serves the dashboard), bearer token per request. */
export function createApolloClient(session: SessionAccess): ApolloClient {
  const auth = new ApolloLink((operation, forward) => {
    const token = session.token();
    if (token) {
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${token}` },
      }));
    }
    return forward(operation);
  });
  const expiry = new ErrorLink(({ error, operation }) => {
    if (operation.operationName !== 'Login' && isUnauthenticated(error)) session.expire();
  });
  return new ApolloClient({
    link: ApolloLink.from([
      expiry,
      auth,
      readYourWritesLink(),
      persistedOperationsLink(),
      // the header keeps Apollo Server's CSRF prevention satisfied for GET (a simple request cannot carry it)
      new HttpLink({ uri: GRAPHQL_PATH, headers: { 'apollo-require-preflight': 'true' } }),
    ]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}

let client: ApolloClient | null = null;

export function setApolloClient(instance: ApolloClient): void {
  client = instance;
}

export function apolloClient(): ApolloClient {
  if (!client) throw new Error('the Apollo client is created in main.ts before the app mounts');
  return client;
}
