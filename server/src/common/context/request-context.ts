import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestLoaders } from '../loaders/request-loaders.js';

/** What every resolver receives; built fresh for each request before any resolver runs. */
export interface RequestContext {
  requestId: string;
  /** A fork of the ORM's EntityManager for this request alone. */
  em: EntityManager;
  loaders: RequestLoaders;
}
