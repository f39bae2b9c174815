import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser, OrganizationRole, PlatformRole } from '@lienket/auth';
import { inTransaction } from '@lienket/database';
import { OrganizationKind } from '../organizations/organization.entity';
import { AuthService, SignedIn } from './auth.service';
import { TokenService } from './token.service';

/** What a browser learns about the person a session belongs to (the header's links, the account). */
export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  platformRole: PlatformRole | null;
  organizationRole: OrganizationRole | null;
  organization: { id: string; kind: OrganizationKind } | null;
}

/** An opened or refreshed session: the refresh token goes into the cookie, never into the body. */
export interface BrowserSession {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

/**
 * Sessions for the web app, whose refresh token lives in an HttpOnly cookie (SessionController);
 * the same rules as the GraphQL mutations, which other clients keep using.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
  ) {}

  async signIn(email: string, password: string, ip: string): Promise<BrowserSession> {
    return this.describe(await this.auth.signIn(email, password, ip));
  }

  async refresh(refreshToken: string): Promise<BrowserSession> {
    return this.describe(await this.auth.refresh(refreshToken));
  }

  /**
   * Ends the session the cookie names and the one the caller's access token belongs to (normally
   * the same); each one's access tokens stop at once. Nothing to end is not an error: signing out
   * twice, or with a stale cookie, leaves the browser signed out all the same.
   */
  async signOut(refreshToken: string | null, caller: AuthUser | null): Promise<void> {
    await inTransaction(this.ds, async (m) => {
      const sessions = new Set<string>();
      const fromCookie = refreshToken ? await this.tokens.sessionOf(m, refreshToken) : null;
      if (fromCookie) sessions.add(fromCookie);
      if (caller?.sessionId) sessions.add(caller.sessionId);
      for (const id of sessions) await this.tokens.revokeFamily(m, id);
    });
  }

  private async describe(s: SignedIn): Promise<BrowserSession> {
    const u = s.user;
    const [org] = u.organizationId
      ? await this.ds.query<{ kind: OrganizationKind }[]>(`SELECT kind FROM catalog.organizations WHERE id = $1`, [u.organizationId])
      : [];
    return {
      accessToken: s.accessToken,
      refreshToken: s.refreshToken,
      user: {
        id: u.id,
        email: u.email,
        fullName: u.fullName,
        platformRole: u.platformRole,
        organizationRole: u.organizationRole,
        organization: u.organizationId && org ? { id: u.organizationId, kind: org.kind } : null,
      },
    };
  }
}
