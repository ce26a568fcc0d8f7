import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { EVERY_ROLE } from '../../tenancy/user-role.enum.js';
import { PUBLIC } from './auth-checker.js';
import { AuthService } from './auth.service.js';
import { UserService } from './user.service.js';
import { User } from './user.entity.js';
import { LoginInput } from './dto/login.input.js';
import { LoginPayload } from './dto/login-payload.js';
import { ActivateAccountInput } from './dto/activate-account.input.js';
import { InvitationService } from './invitation.service.js';
import { continueAsSignedIn } from './signed-in.js';
import { accessErrors } from '../../tenancy/access.errors.js';

@Resolver()
export class AuthResolver {
  @Authorized(PUBLIC)
  @Mutation(() => LoginPayload, { description: '登录 / Sign in; rate limited per account and address' })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: RequestContext): Promise<LoginPayload> {
    const signedIn = await new AuthService(ctx.em, ctx.tokens).login(
      input.login,
      input.password,
      ctx.clientAddress,
      ctx.transaction.open,
    );
    return continueAsSignedIn(ctx, signedIn);
  }

  @Authorized(PUBLIC)
  @Mutation(() => LoginPayload, {
    description: '激活账号 / Set the password with a one-time activation link and sign in',
  })
  async activateAccount(
    @Arg('input', () => ActivateAccountInput) input: ActivateAccountInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginPayload> {
    const signedIn = await new InvitationService(ctx.em).activate(ctx.tokens, input.token, input.password);
    return continueAsSignedIn(ctx, signedIn);
  }

  @Authorized(...EVERY_ROLE)
  @Mutation(() => Boolean, {
    description: '退出登录 / Sign out: ends every session of the signed-in user (all its tokens stop working)',
  })
  signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new AuthService(ctx.em, ctx.tokens).signOut(ctx.identity);
  }

  @Authorized(...EVERY_ROLE)
  @Query(() => User, { description: '当前用户 / The signed-in user' })
  me(@Ctx() ctx: RequestContext): Promise<User> {
    if (!ctx.identity) throw accessErrors.notSignedIn();
    return new UserService(ctx.em).me(ctx.identity);
  }
}
