import type { EntityManager } from '@mikro-orm/postgresql';
import { findReadOnly } from '../../common/entities/find-read-only.js';
import { MetricDefinition } from './metric-definition.entity.js';
import { metricErrors } from './metric.errors.js';

export class MetricDefinitionService {
  constructor(private readonly em: EntityManager) {}

  /** The whole catalog is small (tens of rows), so it is listed, not paginated. */
  list(countyId: string | null): Promise<MetricDefinition[]> {
    const where = countyId ? { $or: [{ county: null }, { county: countyId }] } : {};
    return findReadOnly(this.em, MetricDefinition, where, { orderBy: { key: 'asc' } });
  }

  async findByKey(key: string): Promise<MetricDefinition> {
    const found = await this.em.findOne(MetricDefinition, { key });
    if (!found) throw metricErrors.notFound(key);
    return found;
  }
}
