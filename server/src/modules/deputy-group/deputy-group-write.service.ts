import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { tenantRefs } from '../../tenancy/tenant-refs.js';
import { assertNameFree } from '../../tenancy/assert-name-free.js';
import { assertRecordDate } from '../../common/validation/assert-record-date.js';
import { countRecordsAfter } from '../../common/validation/retire-check.js';
import { DeputyGroup } from './deputy-group.entity.js';
import { DeputyGroupService } from './deputy-group.service.js';
import { deputyGroupRetireChecks } from './deputy-group.retire-checks.js';
import type { CreateDeputyGroupInput } from './dto/create-deputy-group.input.js';
import type { UpdateDeputyGroupInput } from './dto/update-deputy-group.input.js';
import { deputyGroupErrors } from './deputy-group.errors.js';

/** Creates, renames and dissolves the deputy groups of the clerk's township. */
export class DeputyGroupWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async create(input: CreateDeputyGroupInput): Promise<DeputyGroup> {
    await assertNameFree(this.em, DeputyGroup, this.scope, input.name, null, deputyGroupErrors.nameTaken);
    const group = Object.assign(new DeputyGroup(), { ...tenantRefs(this.scope), name: input.name });
    await this.em.persist(group).flush();
    return group;
  }

  async update(id: string, input: UpdateDeputyGroupInput): Promise<DeputyGroup> {
    const group = await new DeputyGroupService(this.em).findById(id, this.scope.countyId);
    if (input.name !== undefined) {
      await assertNameFree(this.em, DeputyGroup, this.scope, input.name, group.id, deputyGroupErrors.nameTaken);
      group.name = input.name;
    }
    await this.em.flush();
    return group;
  }

  /** 撤销: the group keeps its history; nothing may be recorded for it after the date. */
  async retire(id: string, on: string): Promise<DeputyGroup> {
    assertRecordDate(on, ['on']);
    const group = await new DeputyGroupService(this.em).findById(id, this.scope.countyId);
    if (group.retiredOn !== null) {
      throw deputyGroupErrors.alreadyRetired(group);
    }
    const later = await countRecordsAfter(deputyGroupRetireChecks, this.em, group.id, on, group.county.id);
    if (later > 0) {
      throw deputyGroupErrors.recordsAfterRetirement(on, later);
    }
    group.retiredOn = on;
    await this.em.flush();
    return group;
  }
}
