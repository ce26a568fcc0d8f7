import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { requireTownship } from '../../tenancy/require-township.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { Suggestion } from './suggestion.entity.js';
import { SuggestionWriteService } from './suggestion-write.service.js';
import { RecordSuggestionInput } from './dto/record-suggestion.input.js';
import { AssignSuggestionInput } from './dto/assign-suggestion.input.js';
import { ReplySuggestionInput } from './dto/reply-suggestion.input.js';
import { CompleteSuggestionInput } from './dto/complete-suggestion.input.js';
import { ReturnSuggestionInput } from './dto/return-suggestion.input.js';
import { suggestionErrors } from './suggestion.errors.js';
import { SubmitSuggestionInput } from './dto/submit-suggestion.input.js';
import { DeputySuggestionService } from './deputy-suggestion.service.js';

const writer = (ctx: RequestContext) => new SuggestionWriteService(ctx.em, requireTownship(ctx));

/** The suggestion workflow, for the township clerk who keeps the township's records. */
@Resolver(() => Suggestion)
export class SuggestionMutationResolver {
  @Authorized(UserRole.DEPUTY)
  @Mutation(() => Suggestion, {
    description:
      '代表提出建议 / A signed-in deputy submits a suggestion as its proposer (state SUBMITTED, dated today)',
  })
  submitSuggestion(
    @Arg('input', () => SubmitSuggestionInput) input: SubmitSuggestionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return new DeputySuggestionService(ctx.em, requireTownship(ctx)).submit(input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Suggestion, { description: '登记代表建议 / Record a suggestion (state SUBMITTED)' })
  recordSuggestion(
    @Arg('input', () => RecordSuggestionInput) input: RecordSuggestionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).record(input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Suggestion, {
    description: '交办 / Assign to a handling unit; sets the reply deadline in working days',
  })
  assignSuggestion(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AssignSuggestionInput) input: AssignSuggestionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).assign(id, input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Suggestion, { description: '承办 / The handling unit has started work' })
  startSuggestionHandling(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return writer(ctx).startHandling(id);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Suggestion, { description: '答复 / Record the reply and its date' })
  replySuggestion(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReplySuggestionInput) input: ReplySuggestionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).reply(id, input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Suggestion, { description: '办结 / Complete, with an outcome class' })
  completeSuggestion(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CompleteSuggestionInput) input: CompleteSuggestionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).complete(id, input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Suggestion, { description: '退回 / Return to the proposers with a reason' })
  returnSuggestion(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReturnSuggestionInput) input: ReturnSuggestionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return writer(ctx).returnToProposers(id, input);
  }

  @Authorized(UserRole.TOWNSHIP_CLERK)
  @Mutation(() => Suggestion, { description: 'Submit a returned suggestion again, optionally with a corrected title' })
  resubmitSuggestion(
    @Arg('id', () => ID) id: string,
    @Arg('title', () => String, { nullable: true }) title: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    if (title != null && (title.length < 1 || title.length > 300)) throw suggestionErrors.titleLength();
    return writer(ctx).resubmit(id, title ?? null);
  }
}
