import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { RequestLoaders } from '../common/loaders/request-loaders.js';
import { guardReadBatches } from '../common/entities/read-batcher.js';
import { appErrorExtensions, type AppError } from '../common/errors/app-error.js';
import { accessErrors } from './access.errors.js';
import type { Identity, SessionTokens } from './identity.js';
import type { RequestContext } from './request-context.js';
import { requestScope } from '../common/logging/request-scope.js';

export interface RequestContextDeps {
  orm: MikroORM;
  tokens: SessionTokens;
}

export interface IncomingRequest {
  authorization: string | undefined;
  clientAddress: string;
  /** Verifies the bearer token; an HTTP request shares one verification with its rate limit. */
  verify?: (token: string) => Promise<Identity>;
}

async function identify(tokens: SessionTokens, request: IncomingRequest): Promise<Identity | null> {
  const { authorization } = request;
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  try {
    if (!match) throw accessErrors.malformedAuthorization();
    return await (request.verify ?? ((token: string) => tokens.verify(token)))(match[1]!);
  } catch (error) {
    // Context creation runs outside any resolver, so the refusal is shaped here (HTTP 401).
    const appError = error as AppError;
    throw new GraphQLError(appError.message, {
      extensions: { ...appErrorExtensions(appError), http: { status: 401 } },
    });
  }
}

/** Identity first, then a fresh EntityManager fork and loaders: no resolver runs without them. */
export async function createRequestContext(
  deps: RequestContextDeps,
  request: IncomingRequest,
): Promise<RequestContext> {
  const identity = await identify(deps.tokens, request);
  const em = deps.orm.em.fork();
  const transaction: RequestContext['transaction'] = { open: false };
  // Folded reads run only while the request's transaction is open (see endRequestTransaction).
  guardReadBatches(em, () => transaction.open);
  return {
    // The HTTP request's id (logged with every line) when there is one; executeOperation has none.
    requestId: requestScope.getStore()?.requestId ?? randomUUID(),
    em,
    loaders: new RequestLoaders(
      em,
      identity
        ? `${identity.countyId}/${identity.townshipId ?? '*'}/${identity.role}/${identity.deputyId ?? '*'}`
        : 'anonymous',
      identity?.countyId,
    ),
    identity,
    identityRevoked: false,
    clientAddress: request.clientAddress,
    tokens: deps.tokens,
    transaction,
  };
}
