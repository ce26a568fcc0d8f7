import { ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../tenancy/identity.js';
import { AppError } from '../../common/errors/app-error.js';
import { badInputError } from '../../common/errors/bad-input-error.js';
import { County } from '../county/county.entity.js';
import { MetricDefinition } from './metric-definition.entity.js';
import { MetricKind } from './metric-kind.enum.js';
import type { DefineMetricInput } from './dto/define-metric.input.js';

const keyTaken = (key: string) =>
  new AppError({
    code: 'CONFLICT',
    messageZh: `本县指标目录中已有该指标键：${key}`,
    messageEn: `The county's catalog already has the metric key ${key}`,
    field: ['input', 'key'],
  });

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
        if (!key)
          throw badInputError(field, '比率须指定分子和分母指标', 'A rate needs a numerator and a denominator metric');
        const part = await this.em.findOne(MetricDefinition, { key });
        if (!part || part.kind !== MetricKind.COUNT)
          throw badInputError(field, `分子分母须为已有的计数指标：${key}`, `Not a count metric of the catalog: ${key}`);
      }
    } else if (parts.some((p) => p !== null)) {
      throw badInputError(['input', 'numeratorKey'], '计数指标没有分子分母', 'A count has no numerator or denominator');
    }
    // row-level security shows the platform catalog and this county's rows only: the check cannot see, and
    // so cannot reveal, another county's definitions (those live in their own scope of the unique index)
    if (await this.em.findOne(MetricDefinition, { key: input.key })) throw keyTaken(input.key);
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
      if (error instanceof UniqueConstraintViolationException) throw keyTaken(input.key);
      throw error;
    }
    return metric;
  }
}
