import { Module } from '@nestjs/common';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { SignInThrottle } from './auth/sign-in-throttle';
import { TokenService } from './auth/token.service';
import { OrganizationResolver } from './organizations/organization.resolver';
import { OrganizationService } from './organizations/organization.service';
import { ReferenceResolver } from './reference/reference.resolver';
import { UserResolver } from './users/user.resolver';
import { InvitationService } from './teams/invitation.service';
import { MemberService } from './teams/member.service';
import { ProfileService } from './teams/profile.service';
import { TeamResolver } from './teams/team.resolver';

/** Accounts, organizations, sign-in and reference data: the catalog subgraph's first domain. */
@Module({
  providers: [
    AuthService,
    TokenService,
    SignInThrottle,
    OrganizationService,
    AuthResolver,
    UserResolver,
    OrganizationResolver,
    ReferenceResolver,
    ProfileService,
    InvitationService,
    MemberService,
    TeamResolver,
  ],
  exports: [AuthService, OrganizationService],
})
export class AccountsModule {}
