import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { Station } from './station.entity.js';
import { StationWriteService } from './station-write.service.js';
import { CreateStationInput } from './dto/create-station.input.js';
import { UpdateStationInput } from './dto/update-station.input.js';

const writer = (ctx: RequestContext) => new StationWriteService(ctx.em, requireTownship(ctx));

@Resolver(() => Station)
export class StationMutationResolver {
  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Station, { description: '新增代表联络站 / Add a station to your township' })
  createStation(@Arg('input', () => CreateStationInput) input: CreateStationInput, @Ctx() ctx: RequestContext) {
    return writer(ctx).create(input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Station, { description: '修改代表联络站 / Correct a station’s record' })
  updateStation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStationInput) input: UpdateStationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).update(id, input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Station, { description: '撤销代表联络站 / Close a station on a date' })
  retireStation(
    @Arg('id', () => ID) id: string,
    @Arg('on', () => LocalDateResolver) on: string,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).retire(id, on);
  }
}
