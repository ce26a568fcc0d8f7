import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { Activity } from './activity.entity.js';
import { ActivityWriteService } from './activity-write.service.js';
import { RecordActivityInput } from './dto/record-activity.input.js';
import { UpdateActivityInput } from './dto/update-activity.input.js';

const writer = (ctx: RequestContext) => new ActivityWriteService(ctx.em, requireTownship(ctx));

@Resolver(() => Activity)
export class ActivityMutationResolver {
  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Activity, { description: '登记代表活动 / Record an activity with its participants and attendance' })
  recordActivity(@Arg('input', () => RecordActivityInput) input: RecordActivityInput, @Ctx() ctx: RequestContext) {
    return writer(ctx).record(input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Activity, { description: '修改代表活动 / Correct an activity; may replace its participants' })
  updateActivity(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateActivityInput) input: UpdateActivityInput,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).update(id, input);
  }
}
