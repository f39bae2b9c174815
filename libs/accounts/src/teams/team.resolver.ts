import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthGuard, AuthUser, CurrentUser, OrganizationRole, RequestContext } from '@lienket/auth';
import { AuthPayload } from '../users/user.type';
import { toUser } from '../users/user.resolver';
import { Organization, OrganizationProfileInput } from '../organizations/organization.type';
import { toOrganization } from '../organizations/organization.service';
import { InvitationService } from './invitation.service';
import { MemberService } from './member.service';
import { ProfileService } from './profile.service';
import { Invitation, OrganizationMember } from './team.types';

@Resolver(() => Organization)
export class TeamResolver {
  constructor(
    private readonly profiles: ProfileService,
    private readonly invitationService: InvitationService,
    private readonly memberService: MemberService,
  ) {}

  @Mutation(() => Organization, { description: 'Owners and managers: description, address and ward, phone, size, founding year' })
  @UseGuards(AuthGuard)
  async updateOrganizationProfile(@Args('input') input: OrganizationProfileInput, @CurrentUser() user: AuthUser, @Context() ctx: RequestContext) {
    return toOrganization(await this.profiles.update(user, input), ctx);
  }

  @Mutation(() => Invitation, { description: 'E-mails a link to join your organization (valid 7 days)' })
  @UseGuards(AuthGuard)
  inviteMember(@Args('email') email: string, @Args('role', { type: () => OrganizationRole }) role: OrganizationRole, @CurrentUser() user: AuthUser) {
    return this.invitationService.invite(user, email, role);
  }

  @Mutation(() => Invitation, { description: 'Owners and managers: e-mails a new link (valid 7 days) for an open invitation; the old link stops working; once a minute' })
  @UseGuards(AuthGuard)
  resendInvitation(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser) {
    return this.invitationService.resend(user, id);
  }

  @Mutation(() => Boolean, { description: 'Owners and managers: withdraws an open invitation; its link stops working' })
  @UseGuards(AuthGuard)
  revokeInvitation(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser) {
    return this.invitationService.revoke(user, id);
  }

  @Mutation(() => AuthPayload, { description: 'Creates the invited account and signs it in' })
  async acceptInvitation(@Args('token') token: string, @Args('fullName') fullName: string, @Args('password') password: string) {
    const s = await this.invitationService.acceptAndSignIn(token, { fullName, password });
    return { accessToken: s.accessToken, refreshToken: s.refreshToken, user: toUser(s.user) };
  }

  @Mutation(() => Boolean, { description: 'Remove someone from your organization, or leave it yourself' })
  @UseGuards(AuthGuard)
  removeMember(@Args('userId', { type: () => ID }) userId: string, @CurrentUser() user: AuthUser) {
    return this.memberService.remove(user, userId);
  }

  @ResolveField(() => [OrganizationMember], { nullable: true, description: 'Visible to the organization and platform staff' })
  members(@Parent() org: Organization, @Context() ctx: RequestContext) {
    return this.memberService.list(ctx.user, org.id);
  }

  @ResolveField(() => [Invitation], { nullable: true, description: 'Open invitations; owners, managers and staff' })
  invitations(@Parent() org: Organization, @Context() ctx: RequestContext) {
    return this.invitationService.open(ctx.user, org.id);
  }
}
