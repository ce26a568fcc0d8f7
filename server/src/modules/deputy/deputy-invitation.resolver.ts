import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { DeputyInvitationService } from './deputy-invitation.service.js';
import { InviteDeputyInput } from './dto/invite-deputy.input.js';
import { DeputyInvitation } from './dto/deputy-invitation.js';

@Resolver()
export class DeputyInvitationResolver {
  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => DeputyInvitation, { description: '邀请代表开通账号 / Open a deputy’s own account (role DEPUTY)' })
  inviteDeputy(@Arg('input', () => InviteDeputyInput) input: InviteDeputyInput, @Ctx() ctx: RequestContext) {
    return new DeputyInvitationService(ctx.em, requireTownship(ctx)).invite(input);
  }
}
