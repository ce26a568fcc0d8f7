import { ReferenceKind, type EntityClass, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

type Step =
  | { kind: 'scalar'; name: string; field: string; convert: (value: unknown) => unknown }
  | {
      kind: 'reference';
      name: string;
      field: string;
      target: EntityClass<object>;
      wrapped: boolean;
      /** The row's foreign key, kept on the instance until the relation is first read. */
      slot: symbol;
    };

/** Where a row keeps the request's references (`References`), shared by the rows of one hydration. */
const REFERENCES = Symbol('renda.readOnlyReferences');

/** The references of one hydration: one per relation and id, made by the EntityManager when first read. */
interface References {
  get(step: number, id: unknown): object;
}

interface Plan {
  steps: Step[];
  /** Prototype of the hydrated rows: the entity's, with plain data slots over MikroORM's tracking setters. */
  prototype: object;
  nullValue: null | undefined;
}

const plans = new WeakMap<EntityMetadata, Plan | null>();

/**
 * What MikroORM's result mapper and hydrator together do to a column's value (EntityComparator.getResultMapper,
 * ObjectHydrator.hydrateScalar with convertCustomTypes), without the intermediate objects.
 */
function scalarConverter(prop: EntityProperty, em: EntityManager): (value: unknown) => unknown {
  const platform = em.getPlatform();
  const customType = prop.customType;
  if (customType) return (value) => customType.convertToJSValue(value, platform, { mode: 'serialization' });
  if (prop.runtimeType === 'boolean') return (value) => !!value;
  if (prop.runtimeType === 'Date' && !platform.isNumericProperty(prop)) {
    const tz = platform.getTimezone();
    return (value) => {
      if (value instanceof Date) return value;
      if (typeof value === 'bigint') return platform.parseDate(Number(value));
      if (!tz || tz === 'local' || typeof value === 'number') return platform.parseDate(value as string | number);
      const text = String(value);
      const zoned = text.includes('+') || text.lastIndexOf('-') > 10 || text.endsWith('Z');
      return platform.parseDate(zoned ? text : text + tz);
    };
  }
  return (value) => value;
}

/** Null when the entity has a shape this hydrator does not cover; callers then use `em.map`. */
function buildPlan(meta: EntityMetadata, em: EntityManager): Plan | null {
  if (!meta.simplePK || meta.embeddable || meta.virtual || meta.discriminatorColumn) return null;
  const steps: Step[] = [];
  for (const prop of meta.props) {
    if (prop.persist === false || prop.lazy || !prop.fieldNames?.length) continue;
    if (prop.kind === ReferenceKind.SCALAR) {
      // Scalar references and formulas need MikroORM's own wrappers.
      if (prop.ref || prop.formula || prop.fieldNames.length !== 1) return null;
      steps.push({ kind: 'scalar', name: prop.name, field: prop.fieldNames[0]!, convert: scalarConverter(prop, em) });
    } else if (
      (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) &&
      !prop.polymorphic &&
      !prop.mapToPk &&
      !prop.targetKey &&
      prop.fieldNames.length === 1 &&
      prop.targetMeta?.simplePK
    ) {
      steps.push({
        kind: 'reference',
        name: prop.name,
        field: prop.fieldNames[0]!,
        target: prop.targetMeta.class,
        wrapped: !!prop.ref,
        slot: Symbol(prop.name),
      });
    } else if (prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY) {
      // Collections are never selected by a page; em.map would give them an uninitialised Collection.
      return null;
    } else {
      return null;
    }
  }
  const prototype = Object.create(meta.prototype) as object;
  const nullValue = em.config.get('forceUndefined') ? undefined : null;
  steps.forEach((step, index) => {
    if (step.kind === 'scalar') {
      Object.defineProperty(prototype, step.name, { value: undefined, writable: true, configurable: true });
    } else {
      Object.defineProperty(prototype, step.name, lazyReference(step.name, step.slot, index, nullValue));
    }
  });
  return { steps, prototype, nullValue };
}

/** An own data property of `row`, as a plain assignment to an entity's property makes it. */
function settle(row: object, name: string, value: unknown): void {
  Object.defineProperty(row, name, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * A to-one relation read from the row's foreign key when first asked for, then kept on the row. Most rows'
 * relations are never read (a list groups by the key itself, a resolver asks for other fields), and an
 * EntityManager reference costs about 20 µs to make: a township page's reports, values and lists made a dozen
 * per request.
 */
function lazyReference(name: string, slot: symbol, step: number, nullValue: null | undefined): PropertyDescriptor {
  return {
    configurable: true,
    get(this: Record<symbol, unknown>) {
      const id = this[slot];
      if (id === undefined) return undefined;
      const value = id === null ? nullValue : (this[REFERENCES] as References).get(step, id);
      settle(this, name, value);
      return value;
    },
    set(this: object, value: unknown) {
      settle(this, name, value);
    },
  };
}

/**
 * Turns page rows into instances of the entity class (its getters and `instanceof` work; to-one
 * relations are request-scoped references made when first read, so `.id` and `.load()` work) that the EntityManager
 * does not track: no identity-map entry, no snapshot, nothing for the commit-time flush to diff.
 * Pages are read-only results, and for ~9,000 rows `em.map` spent most of a nested query's CPU on
 * that bookkeeping and on the garbage it left. Returns null for entity shapes it does not cover.
 */
export function readOnlyHydrator<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
): ((row: Record<string, unknown>) => T) | null {
  const meta = em.getMetadata().get(entity) as EntityMetadata;
  let plan = plans.get(meta);
  if (plan === undefined) {
    plan = buildPlan(meta, em);
    plans.set(meta, plan);
  }
  if (!plan) return null;
  const { steps, prototype, nullValue } = plan;
  // The same few townships, terms and stations recur on every row: one reference each, per relation.
  const known = steps.map(() => new Map<unknown, object>());
  const references: References = {
    get(index, id) {
      let reference = known[index]!.get(id);
      if (!reference) {
        const step = steps[index] as Extract<Step, { kind: 'reference' }>;
        reference = em.getReference(step.target, id as never, { wrapped: step.wrapped }) as object;
        known[index]!.set(id, reference);
      }
      return reference;
    },
  };
  return (row) => {
    const target = Object.create(prototype) as Record<string | symbol, unknown>;
    target[REFERENCES] = references;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      const value = row[step.field];
      if (value === undefined) continue;
      if (step.kind === 'reference') target[step.slot] = value;
      else target[step.name] = value === null ? nullValue : step.convert(value);
    }
    return target as T;
  };
}

/**
 * `readOnlyHydrator`, or MikroORM's own mapping (`em.map`) for an entity shape it does not cover: rows as
 * entity instances either way.
 */
export function rowHydrator<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
): (row: Record<string, unknown>) => T {
  return readOnlyHydrator(em, entity) ?? ((row) => em.map(entity, row as never) as T);
}
