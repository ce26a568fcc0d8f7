import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { ActivityParticipant } from './activity-participant.entity.js';

@Resolver(() => ActivityParticipant)
export class ActivityParticipantResolver {
  @FieldResolver(() => Deputy)
  deputy(@Root() participant: ActivityParticipant, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Deputy).load(participant.deputy.id);
  }
}
