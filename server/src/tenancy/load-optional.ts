import type { EntityClass } from '@mikro-orm/core';
import type { RequestContext } from './request-context.js';

/** Loads an optional to-one relation by id through the request's loaders. */
export function loadOptional<T extends object>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  ref: { id: string } | null,
): Promise<T | null> {
  return ref ? ctx.loaders.byId(entity).load(ref.id) : Promise.resolve(null);
}
