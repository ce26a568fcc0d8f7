import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { Election } from './election.entity.js';
import { ElectionWriteService } from './election-write.service.js';
import { RecordElectionInput } from './dto/record-election.input.js';

@Resolver(() => Election)
export class ElectionMutationResolver {
  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Election, { description: '登记选举 / Record a general election or by-election' })
  recordElection(@Arg('input', () => RecordElectionInput) input: RecordElectionInput, @Ctx() ctx: RequestContext) {
    return new ElectionWriteService(ctx.em, requireTownship(ctx)).record(input);
  }
}
