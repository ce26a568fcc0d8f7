import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { DeputyGroup } from './deputy-group.entity.js';
import { DeputyGroupWriteService } from './deputy-group-write.service.js';
import { CreateDeputyGroupInput } from './dto/create-deputy-group.input.js';
import { UpdateDeputyGroupInput } from './dto/update-deputy-group.input.js';

const writer = (ctx: RequestContext) => new DeputyGroupWriteService(ctx.em, requireTownship(ctx));

@Resolver(() => DeputyGroup)
export class DeputyGroupMutationResolver {
  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => DeputyGroup, { description: '新增代表小组 / Add a deputy group to your township' })
  createDeputyGroup(
    @Arg('input', () => CreateDeputyGroupInput) input: CreateDeputyGroupInput,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).create(input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => DeputyGroup, { description: '修改代表小组 / Rename a deputy group' })
  updateDeputyGroup(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDeputyGroupInput) input: UpdateDeputyGroupInput,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).update(id, input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => DeputyGroup, { description: '撤销代表小组 / Dissolve a deputy group on a date' })
  retireDeputyGroup(
    @Arg('id', () => ID) id: string,
    @Arg('on', () => LocalDateResolver) on: string,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).retire(id, on);
  }
}
