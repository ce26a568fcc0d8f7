import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { Deputy } from './deputy.entity.js';
import { DeputyStatus } from './deputy-status.enum.js';
import { DeputyWriteService } from './deputy-write.service.js';
import { CreateDeputyInput } from './dto/create-deputy.input.js';
import { UpdateDeputyInput } from './dto/update-deputy.input.js';

const writer = (ctx: RequestContext) => new DeputyWriteService(ctx.em, requireTownship(ctx));

/** The township clerk keeps the township's roll of deputies. */
@Resolver(() => Deputy)
export class DeputyMutationResolver {
  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Deputy, { description: '新增代表 / Add a deputy to your township' })
  createDeputy(@Arg('input', () => CreateDeputyInput) input: CreateDeputyInput, @Ctx() ctx: RequestContext) {
    return writer(ctx).create(input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Deputy, { description: '修改代表信息 / Correct a deputy’s record' })
  updateDeputy(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDeputyInput) input: UpdateDeputyInput,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).update(id, input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Deputy, { description: '代表离任 / A deputy resigned, was removed or died on a date' })
  retireDeputy(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => DeputyStatus, { description: 'RESIGNED, REMOVED or DECEASED' }) status: DeputyStatus,
    @Arg('on', () => LocalDateResolver) on: string,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).retire(id, status, on);
  }
}
