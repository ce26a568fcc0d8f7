import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { Township } from '../township/township.entity.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokenService } from './api-token.service.js';
import { CreateApiTokenInput } from './dto/create-api-token.input.js';
import { CreateApiTokenPayload } from './dto/create-api-token-payload.js';

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Authorized(UserRole.COUNTY_ADMIN, UserRole.TOWNSHIP_CLERK)
  @Query(() => [ApiToken], {
    description: 'API 令牌（含最近使用时间）/ API tokens of the county (admin) or own township (clerk), with last use',
  })
  apiTokens(@Ctx() ctx: RequestContext): Promise<ApiToken[]> {
    return new ApiTokenService(ctx.em).list(ctx.identity?.countyId);
  }

  @Authorized(UserRole.COUNTY_ADMIN, UserRole.TOWNSHIP_CLERK)
  @Mutation(() => CreateApiTokenPayload, {
    description: '创建 API 令牌（明文仅显示一次）/ Create an API token for one township and named operations',
  })
  createApiToken(
    @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreateApiTokenPayload> {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new ApiTokenService(ctx.em).create(ctx.identity, input);
  }

  @Authorized(UserRole.COUNTY_ADMIN, UserRole.TOWNSHIP_CLERK)
  @Mutation(() => ApiToken, { description: '撤销 API 令牌（立即生效）/ Revoke an API token, effective at once' })
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ApiToken> {
    return new ApiTokenService(ctx.em).revoke(id, ctx.identity?.countyId);
  }

  @FieldResolver(() => Township)
  township(@Root() apiToken: ApiToken, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Township).load(apiToken.township.id);
  }
}
