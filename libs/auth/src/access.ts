import { forbidden } from '@lienket/graphql';
import { requireOrganization } from './guards';
import { AuthUser, OrganizationRole, PlatformRole } from './roles';

/**
 * Who is asking, as every service method that reads or changes private data takes it: the signed-in
 * caller, or null for an anonymous one. Resolvers pass it; services decide with the checks below,
 * so a new entry point (a field resolver, `_entities`, a REST route, a job) cannot forget them.
 */
export type Viewer = AuthUser | null;

/**
 * What the viewer wants of an organization's private data:
 * - `read`: any member of the organization (its members list, its drafts, its documents);
 * - `manage`: its owners and managers (its profile, invitations, listings, needs, logo, documents).
 */
export type OrganizationAccess = 'read' | 'manage';

const MANAGERS: readonly OrganizationRole[] = [OrganizationRole.OWNER, OrganizationRole.MANAGER];
const STAFF: readonly PlatformRole[] = [PlatformRole.ADMIN, PlatformRole.MODERATOR];

export const isPlatformStaff = (viewer: Viewer, roles: readonly PlatformRole[] = STAFF): boolean =>
  !!viewer?.platformRole && roles.includes(viewer.platformRole);

/**
 * The one authorization rule for an organization's private data: its own members (`read`) or owners
 * and managers (`manage`), and platform staff unless `staff: false` (staff read and review every
 * organization, but never act as one: they do not create its listings or invite into it).
 */
export function mayAccessOrganization(
  viewer: Viewer,
  organizationId: string,
  access: OrganizationAccess,
  { staff = true }: { staff?: boolean } = {},
): boolean {
  if (!viewer) return false;
  if (staff && isPlatformStaff(viewer)) return true;
  if (viewer.organizationId !== organizationId) return false;
  return access === 'read' || (!!viewer.organizationRole && MANAGERS.includes(viewer.organizationRole));
}

/**
 * The caller's own organization, which the caller must manage (owner or manager): what every
 * change an organization makes to itself starts with. Anyone else: FORBIDDEN.
 */
export function requireOrganizationManager(user: AuthUser): string {
  const organizationId = requireOrganization(user);
  if (!mayAccessOrganization(user, organizationId, 'manage', { staff: false })) throw forbidden();
  return organizationId;
}

/** Platform staff (by default ADMIN or MODERATOR), or FORBIDDEN. */
export function requirePlatformStaff(user: AuthUser, roles: readonly PlatformRole[] = STAFF): AuthUser {
  if (!isPlatformStaff(user, roles)) throw forbidden();
  return user;
}
