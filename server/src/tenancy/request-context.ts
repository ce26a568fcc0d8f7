import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestLoaders } from '../common/loaders/request-loaders.js';
import type { Identity, SessionTokens } from './identity.js';

/** A query's answer found in the result cache: its key (the ETag), and the data or a 304. */
export interface CachedAnswer {
  key: string;
  data: Readonly<Record<string, unknown>> | null;
  notModified: boolean;
}

/** What every resolver receives; built fresh for each request before any resolver runs. */
export interface RequestContext {
  requestId: string;
  /** A fork of the ORM's EntityManager for this request alone, inside the request's transaction. */
  em: EntityManager;
  loaders: RequestLoaders;
  /** null for an anonymous caller, who sees no tenant data at all. */
  identity: Identity | null;
  /**
   * Set when the request transaction found the token's session ended (user deactivated, password or
   * role changed, signed out; API token revoked): every field is then refused as UNAUTHENTICATED.
   */
  identityRevoked: boolean;
  /** Client address, for the login rate limit. */
  clientAddress: string;
  tokens: SessionTokens;
  /**
   * Whether the request's transaction is open (see request-transaction.ts), and the caller's county data
   * version its first statement read (absent for anonymous callers and before the transaction began).
   */
  transaction: {
    open: boolean;
    /** Known once `identityChecked` (request-transaction.ts) has the identity statement's answer. */
    dataVersion?: string;
    /**
     * The identity statement's answer, when the transaction began with one: a read-only transaction sends
     * it with its first statement (database/deferred-statement.ts), so asking may send it first.
     */
    identity?: () => Promise<{ valid: boolean; dataVersion: string }>;
    /** The result cache was probed before the transaction began and had no answer. */
    probedMiss?: boolean;
    /**
     * Set when the result cache answered before any transaction opened (request-transaction-plugin.ts):
     * the response is this, and nothing executes.
     */
    cached?: CachedAnswer;
  };
}
