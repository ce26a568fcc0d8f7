import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { loadOptional } from '../../tenancy/load-optional.js';
import { County } from '../county/county.entity.js';
import { Township } from '../township/township.entity.js';
import { User } from './user.entity.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { UserService } from './user.service.js';
import { CreateUserInput } from './dto/create-user.input.js';
import { UpdateUserInput } from './dto/update-user.input.js';
import { accessErrors } from '../../tenancy/access.errors.js';

@Resolver(() => User)
export class UserResolver {
  @Authorized(UserRole.COUNTY_ADMIN)
  @Query(() => [User], { description: 'Users of the admin’s county' })
  users(@Ctx() ctx: RequestContext): Promise<User[]> {
    return new UserService(ctx.em).list(ctx.identity?.countyId);
  }

  @Authorized(UserRole.COUNTY_ADMIN)
  @Mutation(() => User)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new UserService(ctx.em).create(ctx.identity, input);
  }

  @Authorized(UserRole.COUNTY_ADMIN)
  @Mutation(() => User)
  updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return new UserService(ctx.em).update(id, input, ctx.identity?.countyId);
  }

  @FieldResolver(() => County)
  county(@Root() user: User, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(County).load(user.county.id);
  }

  @FieldResolver(() => Township, { nullable: true })
  township(@Root() user: User, @Ctx() ctx: RequestContext) {
    return loadOptional(ctx, Township, user.township);
  }
}
