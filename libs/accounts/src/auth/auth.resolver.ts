import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@lienket/auth';
import { OrganizationService } from '../organizations/organization.service';
import { toUser } from '../users/user.resolver';
import { AuthPayload, SignUpInput } from '../users/user.type';
import { AuthService, SignedIn } from './auth.service';
import { PasswordResetService } from './password-reset.service';

const toPayload = (s: SignedIn): AuthPayload => ({
  accessToken: s.accessToken,
  refreshToken: s.refreshToken,
  user: toUser(s.user),
});

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    private readonly organizations: OrganizationService,
  ) {}

  @Mutation(() => AuthPayload, { description: 'Creates a user as OWNER of a new organization awaiting verification' })
  async signUp(@Args('input') input: SignUpInput, @Context() ctx: RequestContext) {
    const signedIn = await this.auth.signUp(input, ctx.ip);
    // The new organization is answered as written, not read again after commit (a read that a
    // database failing at that moment would turn into a half answer for a sign-up that succeeded).
    if (signedIn.organization) this.organizations.loader(ctx).prime(signedIn.organization.id, signedIn.organization);
    return toPayload(signedIn);
  }

  @Mutation(() => AuthPayload)
  async signIn(@Args('email') email: string, @Args('password') password: string, @Context() ctx: RequestContext) {
    return toPayload(await this.auth.signIn(email, password, ctx.ip));
  }

  @Mutation(() => AuthPayload, { description: 'Rotates a refresh token; reusing a rotated one revokes the session' })
  async refreshToken(@Args('refreshToken') refreshToken: string) {
    return toPayload(await this.auth.refresh(refreshToken));
  }

  @Mutation(() => Boolean, {
    description: 'E-mails a one-time password reset link (valid 1 hour) if the address has an account; always true, so it never tells which addresses do',
  })
  requestPasswordReset(@Args('email') email: string, @Context() ctx: RequestContext) {
    return this.resets.request(email, ctx.ip);
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with the link from the e-mail; ends every session of the account, so sign in again' })
  resetPassword(@Args('token') token: string, @Args('newPassword') newPassword: string, @Context() ctx: RequestContext) {
    return this.resets.reset(token, newPassword, ctx.ip);
  }
}
