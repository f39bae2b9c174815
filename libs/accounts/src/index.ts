import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { Accounts1763800000000, CatalogOutboxEventId1763805500000, CatalogServiceRole1763805800000, Documents1763800800000, OrganizationLogo1763802100000, PasswordResets1763802350000, ProfilesTeams1763800700000, VerificationNote1763800500000 } from './migrations';
import { OrganizationEntity } from './organizations/organization.entity';
import { UserEntity } from './users/user.entity';

export * from './accounts.module';
export * from './auth/auth.service';
export { TokenService } from './auth/token.service';
export * from './organizations/organization.entity';
export * from './organizations/organization-changed';
export * from './organizations/organization.type';
export * from './organizations/organization.service';
export * from './users/user.entity';
export { OrganizationEntity, UserEntity, RefreshTokenEntity };

export const CATALOG_ENTITIES = [OrganizationEntity, UserEntity, RefreshTokenEntity];
export const CATALOG_MIGRATIONS = [
  Accounts1763800000000,
  VerificationNote1763800500000,
  ProfilesTeams1763800700000,
  Documents1763800800000,
  OrganizationLogo1763802100000,
  PasswordResets1763802350000,
  CatalogOutboxEventId1763805500000,
  CatalogServiceRole1763805800000,
];
