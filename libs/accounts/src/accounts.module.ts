import { Module } from '@nestjs/common';
import { SessionRevocationsModule } from '@lienket/auth';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { SessionController } from './auth/session.controller';
import { SessionService } from './auth/session.service';
import { SignInThrottle } from './auth/sign-in-throttle';
import { AccountLimits } from './auth/rate-limits';
import { PasswordResetService } from './auth/password-reset.service';
import { TokenService } from './auth/token.service';
import { OrganizationResolver } from './organizations/organization.resolver';
import { OrganizationService } from './organizations/organization.service';
import { ReferenceResolver } from './reference/reference.resolver';
import { UserResolver } from './users/user.resolver';
import { InvitationService } from './teams/invitation.service';
import { MemberService } from './teams/member.service';
import { ProfileService } from './teams/profile.service';
import { TeamResolver } from './teams/team.resolver';
import { DocumentController } from './documents/document.controller';
import { DocumentResolver } from './documents/document.resolver';
import { DocumentService } from './documents/document.service';
import { LogoController } from './organizations/logo.controller';
import { LogoService } from './organizations/logo.service';
import { FileStorageModule } from '@lienket/storage';

/** Accounts, organizations, sign-in and reference data: the catalog subgraph's first domain. */
@Module({
  imports: [SessionRevocationsModule, FileStorageModule],
  providers: [
    AuthService,
    TokenService,
    SessionService,
    SignInThrottle,
    AccountLimits,
    PasswordResetService,
    OrganizationService,
    AuthResolver,
    UserResolver,
    OrganizationResolver,
    ReferenceResolver,
    ProfileService,
    InvitationService,
    MemberService,
    TeamResolver,
    DocumentService,
    DocumentResolver,
    LogoService,
  ],
  controllers: [DocumentController, LogoController, SessionController],
  exports: [AuthService, OrganizationService, TokenService, FileStorageModule],
})
export class AccountsModule {}
