import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationRole {
  OWNER = 'OWNER',
  MANAGER = 'MANAGER',
  MEMBER = 'MEMBER',
}
export enum PlatformRole {
  ADMIN = 'ADMIN',
  MODERATOR = 'MODERATOR',
}
registerEnumType(OrganizationRole, { name: 'OrganizationRole' });
registerEnumType(PlatformRole, { name: 'PlatformRole' });

/** Who is calling, as the access token says. */
export interface AuthUser {
  id: string;
  organizationId: string | null;
  organizationRole: OrganizationRole | null;
  platformRole: PlatformRole | null;
  /** The organization's verification when the token was issued (fresh again after a revocation). */
  organizationVerification?: OrganizationVerification | null;
  /** The sign-in session (refresh-token family) the token belongs to; null for tokens without one. */
  sessionId?: string | null;
  /** When the token was issued, in milliseconds (0 for callers built outside a token). */
  issuedAt: number;
}

export type OrganizationVerification = 'PENDING_VERIFICATION' | 'VERIFIED' | 'REJECTED' | 'SUSPENDED';
