import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import type { SheetCount } from './import-runner.js';

/**
 * One committed import: which file (name and SHA-256), who, and how many rows each sheet had, created
 * and left unchanged. Its insert is the import's entry in the audit log (the table's audit trigger),
 * beside the entries of the rows it wrote, all in the same transaction.
 */
@Entity({ tableName: 'data_import' })
@Index({ properties: ['township', 'createdAt'] })
export class DataImport extends TenantEntity {
  @Property({ type: 'string', length: 255 })
  fileName!: string;

  @Property({ type: 'string', length: 64 })
  fileSha256!: string;

  @Property({ type: 'uuid' })
  importedBy!: string;

  @Property({ type: 'integer' })
  rowCount!: number;

  @Property({ type: 'integer' })
  createdCount!: number;

  @Property({ type: 'integer' })
  unchangedCount!: number;

  @Property({ type: 'json' })
  sheets!: SheetCount[];
}
