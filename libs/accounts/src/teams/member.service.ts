import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordAudit } from '@lienket/audit';
import { AuthUser, mayAccessOrganization, OrganizationRole, requireOrganization, Viewer } from '@lienket/auth';
import { inTransaction } from '@lienket/database';
import { DomainError, ErrorCode, forbidden, isUuid, notFound } from '@lienket/graphql';
import { TokenService } from '../auth/token.service';
import { UserEntity } from '../users/user.entity';
import { OrganizationMember } from './team.types';

/** Who belongs to an organization, and leaving it — never leaving it without an owner. */
@Injectable()
export class MemberService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly tokens: TokenService,
  ) {}

  /** The organization's people, for its members and platform staff; null to anyone else. */
  async list(viewer: Viewer, organizationId: string): Promise<OrganizationMember[] | null> {
    if (!mayAccessOrganization(viewer, organizationId, 'read')) return null;
    const users = await this.ds.getRepository(UserEntity).find({ where: { organizationId }, order: { createdAt: 'ASC' } });
    return users.map((u) => ({ id: u.id, fullName: u.fullName, email: u.email, role: u.organizationRole! }));
  }

  /**
   * Owners remove anyone, managers remove members, anyone may leave; the last owner may not go.
   * The organization's owners are locked first, so two owners leaving at once cannot both succeed.
   */
  async remove(actor: AuthUser, userId: string): Promise<boolean> {
    const organizationId = requireOrganization(actor);
    if (!isUuid(userId)) throw notFound();
    return inTransaction(this.ds, async (m) => {
      const owners = await m.query<{ id: string }[]>(
        `SELECT id FROM catalog.users WHERE organization_id = $1 AND organization_role = 'OWNER' FOR UPDATE`,
        [organizationId],
      );
      const target = await m.getRepository(UserEntity).findOne({ where: { id: userId, organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!target) throw notFound();
      const self = target.id === actor.id;
      const allowed =
        self ||
        actor.organizationRole === OrganizationRole.OWNER ||
        (actor.organizationRole === OrganizationRole.MANAGER && target.organizationRole === OrganizationRole.MEMBER);
      if (!allowed) throw forbidden();
      if (target.organizationRole === OrganizationRole.OWNER && owners.length <= 1) {
        // The sole owner asking to leave gets its own reason, so the page can say what to do first.
        if (self) throw Object.assign(new DomainError(ErrorCode.CONFLICT, 'soleOwnerCannotLeave'), { reason: 'SOLE_OWNER' });
        throw new DomainError(ErrorCode.CONFLICT, 'lastOwner');
      }
      await m.getRepository(UserEntity).update({ id: target.id }, { organizationId: null, organizationRole: null });
      await this.tokens.revokeSessions(m, { userId: target.id });
      await recordAudit(m, { actorId: actor.id, action: self ? 'organization.member_left' : 'organization.member_removed', subject: 'ORGANIZATION', subjectId: organizationId, before: { userId: target.id, role: target.organizationRole } });
      return true;
    });
  }
}
