import type { EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { findReadOnly } from '../../common/entities/find-read-only.js';
import { propsForFields } from '../../common/entities/selected-props.js';
import { selectedFields } from '../../common/pagination/selected-node-fields.js';
import { MetricDefinition } from './metric-definition.entity.js';
import { metricErrors } from './metric.errors.js';

export class MetricDefinitionService {
  constructor(private readonly em: EntityManager) {}

  /**
   * The whole catalog is small (tens of rows), so it is listed, not paginated. With the caller's `info`, only
   * the columns of the selected fields are read: the pickers never show the long computation texts.
   */
  list(countyId: string | null, info?: GraphQLResolveInfo): Promise<MetricDefinition[]> {
    const where = countyId ? { $or: [{ county: null }, { county: countyId }] } : {};
    const meta = this.em.getMetadata().get(MetricDefinition) as EntityMetadata;
    const props = info ? propsForFields(meta, selectedFields(info)) : null;
    return findReadOnly(this.em, MetricDefinition, where, { orderBy: { key: 'asc' }, props });
  }

  async findByKey(key: string): Promise<MetricDefinition> {
    const found = await this.em.findOne(MetricDefinition, { key });
    if (!found) throw metricErrors.notFound(key);
    return found;
  }
}
