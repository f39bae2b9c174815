import { mayAccessOrganization, requireOrganizationManager, requirePlatformStaff } from './access';
import { AuthUser, OrganizationRole, PlatformRole } from './roles';

const ORG = 'org-a';
const person = (organizationRole: OrganizationRole | null, organizationId: string | null = ORG, platformRole: PlatformRole | null = null): AuthUser =>
  ({ id: 'u', organizationId, organizationRole, platformRole, issuedAt: 0 });
const owner = person(OrganizationRole.OWNER);
const manager = person(OrganizationRole.MANAGER);
const member = person(OrganizationRole.MEMBER);
const otherOwner = person(OrganizationRole.OWNER, 'org-b');
const moderator = person(null, null, PlatformRole.MODERATOR);
const admin = person(null, null, PlatformRole.ADMIN);

describe('mayAccessOrganization: the one rule for an organization’s private data', () => {
  it('lets every member read, and only owners and managers manage, their own organization', () => {
    expect([owner, manager, member].map((v) => mayAccessOrganization(v, ORG, 'read'))).toEqual([true, true, true]);
    expect([owner, manager, member].map((v) => mayAccessOrganization(v, ORG, 'manage'))).toEqual([true, true, false]);
  });
  it('refuses anonymous callers, people without an organization and another organization’s owner', () => {
    for (const access of ['read', 'manage'] as const) {
      expect(mayAccessOrganization(null, ORG, access)).toBe(false);
      expect(mayAccessOrganization(person(null, null), ORG, access)).toBe(false);
      expect(mayAccessOrganization(otherOwner, ORG, access)).toBe(false);
    }
  });
  it('lets platform staff in unless the caller says staff may not act for the organization', () => {
    expect(mayAccessOrganization(moderator, ORG, 'manage')).toBe(true);
    expect(mayAccessOrganization(admin, ORG, 'read')).toBe(true);
    expect(mayAccessOrganization(admin, ORG, 'manage', { staff: false })).toBe(false);
  });
});

describe('requireOrganizationManager and requirePlatformStaff', () => {
  it('returns the caller’s own organization for owners and managers and refuses members with FORBIDDEN', () => {
    expect(requireOrganizationManager(owner)).toBe(ORG);
    expect(requireOrganizationManager(manager)).toBe(ORG);
    expect(() => requireOrganizationManager(member)).toThrow(/FORBIDDEN/);
    expect(() => requireOrganizationManager(admin)).toThrow(/FORBIDDEN/);
  });
  it('accepts staff of the named roles only', () => {
    expect(requirePlatformStaff(moderator)).toBe(moderator);
    expect(() => requirePlatformStaff(moderator, [PlatformRole.ADMIN])).toThrow(/FORBIDDEN/);
    expect(() => requirePlatformStaff(owner)).toThrow(/FORBIDDEN/);
  });
});
