import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Inject } from '@nestjs/common';
import { RequestContext, requireUser } from '@lienket/auth';
import { Organization } from '../organizations/organization.type';
import { OrganizationService, toOrganization } from '../organizations/organization.service';
import { UserEntity } from './user.entity';
import { User } from './user.type';

export const toUser = (u: UserEntity): User => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  locale: u.locale,
  organizationRole: u.organizationRole,
  platformRole: u.platformRole,
  organizationId: u.organizationId,
});

@Resolver(() => User)
export class UserResolver {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly organizations: OrganizationService,
  ) {}

  @Query(() => User, { nullable: true, description: 'The signed-in user, or null' })
  async me(@Context() ctx: RequestContext): Promise<User | null> {
    // No token: nobody is signed in. A bad or expired token: say so, so the client can refresh.
    if (!ctx.user) {
      if (ctx.authError) requireUser(ctx);
      return null;
    }
    const user = await this.ds.getRepository(UserEntity).findOneBy({ id: ctx.user.id });
    return user ? toUser(user) : null;
  }

  @ResolveField(() => Organization, { nullable: true })
  async organization(@Parent() user: User, @Context() ctx: RequestContext) {
    if (!user.organizationId) return null;
    const org = await this.organizations.loader(ctx).load(user.organizationId);
    return org ? toOrganization(org, ctx) : null;
  }
}
