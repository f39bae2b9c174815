import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { Accounts1763800000000 } from './migrations';
import { OrganizationEntity } from './organizations/organization.entity';
import { UserEntity } from './users/user.entity';

export * from './accounts.module';
export * from './auth/auth.service';
export * from './organizations/organization.entity';
export * from './organizations/organization.type';
export * from './organizations/organization.service';
export * from './users/user.entity';
export { OrganizationEntity, UserEntity, RefreshTokenEntity };

export const CATALOG_ENTITIES = [OrganizationEntity, UserEntity, RefreshTokenEntity];
export const CATALOG_MIGRATIONS = [Accounts1763800000000];
