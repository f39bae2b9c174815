import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@lienket/auth';
import { toUser } from '../users/user.resolver';
import { AuthPayload, SignUpInput } from '../users/user.type';
import { AuthService, SignedIn } from './auth.service';

const toPayload = (s: SignedIn): AuthPayload => ({
  accessToken: s.accessToken,
  refreshToken: s.refreshToken,
  user: toUser(s.user),
});

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'Creates a user as OWNER of a new organization awaiting verification' })
  async signUp(@Args('input') input: SignUpInput) {
    return toPayload(await this.auth.signUp(input));
  }

  @Mutation(() => AuthPayload)
  async signIn(@Args('email') email: string, @Args('password') password: string, @Context() ctx: RequestContext) {
    return toPayload(await this.auth.signIn(email, password, ctx.ip));
  }

  @Mutation(() => AuthPayload, { description: 'Rotates a refresh token; reusing a rotated one revokes the session' })
  async refreshToken(@Args('refreshToken') refreshToken: string) {
    return toPayload(await this.auth.refresh(refreshToken));
  }
}
