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
}
