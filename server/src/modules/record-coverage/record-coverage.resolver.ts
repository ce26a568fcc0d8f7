import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { Township } from '../township/township.entity.js';
import { SetRecordCoverageInput } from './dto/set-record-coverage.input.js';
import { RecordCoverage } from './record-coverage.entity.js';
import { RecordCoverageService } from './record-coverage.service.js';

@Resolver(() => Township)
export class RecordCoverageResolver {
  @FieldResolver(() => [RecordCoverage], {
    description:
      'From when the platform holds every record of each kind (kinds without an entry: never known complete)',
  })
  recordCoverage(@Root() township: Township, @Ctx() ctx: RequestContext): Promise<RecordCoverage[]> {
    return childLists(ctx, RecordCoverage, 'township', { recordKind: 'asc' }).load(township.id);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK, UserRole.COUNTY_ADMIN)
  @Mutation(() => [RecordCoverage], {
    description: 'Sets (or with recordedSince null removes) a township’s record coverage; returns its coverage',
  })
  setRecordCoverage(
    @Arg('input', () => SetRecordCoverageInput) input: SetRecordCoverageInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordCoverage[]> {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new RecordCoverageService(ctx.em).set(ctx.identity, input);
  }
}
