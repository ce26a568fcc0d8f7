import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { isUnauthenticated } from '../utils/describe-error';
import { readYourWritesLink } from './read-your-writes';

export interface SessionAccess {
  token(): string | null;
  /** Called when the server refuses the token: the session is over. */
  expire(): void;
}

export const GRAPHQL_PATH = '/graphql';

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
    link: ApolloLink.from([expiry, auth, readYourWritesLink(), new HttpLink({ uri: GRAPHQL_PATH })]),
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
