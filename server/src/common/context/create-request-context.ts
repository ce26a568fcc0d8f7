import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { RequestLoaders } from '../loaders/request-loaders.js';
import type { RequestContext } from './request-context.js';

export function createRequestContext(orm: MikroORM, requestId: string = randomUUID()): RequestContext {
  const em = orm.em.fork();
  return { requestId, em, loaders: new RequestLoaders(em) };
}
