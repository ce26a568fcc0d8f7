import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { findReadOnly } from '../../common/entities/find-read-only.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MetricDefinition } from '../metric/metric-definition.entity.js';
import type { DictionaryEntry } from './dto/dictionary-entry.type.js';
import { FIELD_LABELS } from './field-labels.js';

/** The types an analyst lists and exports; their fields are described from the schema itself. */
const EXPORTABLE_TYPES = [
  'Township',
  'Deputy',
  'DeputyGroup',
  'Station',
  'Activity',
  'Suggestion',
  'VoterContact',
  'Election',
  'QuarterlyReport',
  'QuarterlyReportValue',
  'PeriodFigure',
];
/** Fields that carry personal data; their resolvers refuse analysts (and the database role backs it). */
export const PII_FIELDS = new Set(['Deputy.contactPhone']);

export class DataDictionaryService {
  constructor(
    private readonly em: EntityManager,
    private readonly schema: GraphQLSchema,
  ) {}

  async entries(): Promise<DictionaryEntry[]> {
    const metrics = await findReadOnly(this.em, MetricDefinition, {}, { orderBy: { key: 'asc' } });
    const entries: DictionaryEntry[] = metrics.map((m) => ({
      kind: 'METRIC',
      name: m.key,
      typeName: m.kind,
      valueType: m.unit,
      labelZh: m.nameZh,
      labelEn: m.nameEn,
      description: `${m.nameEn}. ${m.computation}`,
      pii: false,
    }));
    for (const typeName of EXPORTABLE_TYPES) {
      const type = this.schema.getType(typeName);
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.args.length > 0) continue; // nested lists are queries of their own, not columns
        entries.push({
          kind: 'FIELD',
          name: `${typeName}.${field.name}`,
          typeName,
          valueType: getNamedType(field.type).name,
          labelZh: FIELD_LABELS[field.name]?.zh ?? null,
          labelEn: FIELD_LABELS[field.name]?.en ?? null,
          description: field.description ?? null,
          pii: PII_FIELDS.has(`${typeName}.${field.name}`),
        });
      }
    }
    return entries;
  }
}
