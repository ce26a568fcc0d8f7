import { ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { County } from '../county/county.entity.js';
import { MetricDefinition } from './metric-definition.entity.js';
import { MetricKind } from './metric-kind.enum.js';
import type { DefineMetricInput } from './dto/define-metric.input.js';
import { metricErrors } from './metric.errors.js';

/**
 * A county admin extends the catalog without code: a COUNT the townships enter in their quarterly
 * reports, or a RATE of two metrics already in the catalog. The key is unique within what the county
 * sees (the platform catalog and its own definitions): another county's keys neither clash nor show.
 */
export class MetricDefinitionWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly admin: Identity,
  ) {}

  async define(input: DefineMetricInput): Promise<MetricDefinition> {
    const parts = [input.numeratorKey ?? null, input.denominatorKey ?? null] as const;
    if (input.kind === MetricKind.RATE) {
      for (const [i, key] of parts.entries()) {
        const field = ['input', i === 0 ? 'numeratorKey' : 'denominatorKey'];
        if (!key) throw metricErrors.rateNeedsParts(field);
        const part = await this.em.findOne(MetricDefinition, { key });
        if (!part || part.kind !== MetricKind.COUNT) throw metricErrors.ratePartNotCount(field, key);
      }
    } else if (parts.some((p) => p !== null)) {
      throw metricErrors.countWithParts();
    }
    // row-level security shows the platform catalog and this county's rows only: the check cannot see, and
    // so cannot reveal, another county's definitions (those live in their own scope of the unique index)
    if (await this.em.findOne(MetricDefinition, { key: input.key })) throw metricErrors.keyTaken(input.key);
    const metric = Object.assign(new MetricDefinition(), {
      county: ref(County, this.admin.countyId),
      key: input.key,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      unit: input.unit,
      kind: input.kind,
      higherIsBetter: input.higherIsBetter,
      computation: input.computation,
      numeratorKey: parts[0],
      denominatorKey: parts[1],
    });
    try {
      await this.em.persist(metric).flush();
    } catch (error) {
      // a concurrent definition of the same key in this county: the same answer as the check above
      if (error instanceof UniqueConstraintViolationException) throw metricErrors.keyTaken(input.key);
      throw error;
    }
    return metric;
  }
}
