import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { VoterContact } from './voter-contact.entity.js';
import { VoterContactWriteService } from './voter-contact-write.service.js';
import { RecordVoterContactInput } from './dto/record-voter-contact.input.js';

const writer = (ctx: RequestContext) => new VoterContactWriteService(ctx.em, requireTownship(ctx));

@Resolver(() => VoterContact)
export class VoterContactMutationResolver {
  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => VoterContact, { description: '登记群众来访、来信 / Record a voter’s visit or letter' })
  recordVoterContact(
    @Arg('input', () => RecordVoterContactInput) input: RecordVoterContactInput,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).record(input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => VoterContact, { description: '答复来访来信 / Record that a visit or letter was answered' })
  replyVoterContact(
    @Arg('id', () => ID) id: string,
    @Arg('repliedOn', () => LocalDateResolver) repliedOn: string,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).reply(id, repliedOn);
  }
}
