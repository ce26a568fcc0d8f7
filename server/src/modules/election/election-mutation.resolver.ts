import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context/request-context.js';
import { requireTownship } from '../../common/context/require-township.js';
import { UserRole } from '../auth/user-role.enum.js';
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
