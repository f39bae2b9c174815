import { UseGuards } from '@nestjs/common';
import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Organization, toOrganization, VerificationStatus } from '@lienket/accounts';
import { AuthGuard, AuthUser, CurrentUser, isPlatformStaff, PlatformRole, RequestContext, Roles } from '@lienket/auth';
import { decodeCursor, pageSize, toConnection } from '@lienket/graphql';
import { ModerationCount, OrganizationDuplicate, StaffOrganizationConnection } from './desk.types';
import { taxCodeValid, VerificationDeskService } from './desk.service';

const STAFF = { platform: [PlatformRole.ADMIN, PlatformRole.MODERATOR] };

/** The verification desk: finding organizations, queue counts, and the evidence beside one organization. */
@Resolver()
@UseGuards(AuthGuard)
export class VerificationDeskResolver {
  constructor(private readonly desk: VerificationDeskService) {}

  @Query(() => StaffOrganizationConnection, { description: 'Platform staff: every organization, by name (diacritics and case ignored) or tax code, in name order' })
  @Roles(STAFF)
  async staffOrganizations(
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('status', { type: () => VerificationStatus, nullable: true }) status: VerificationStatus | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentUser() user: AuthUser,
    @Context() ctx: RequestContext,
  ) {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2) as [string, string] | null;
    const rows = await this.desk.search(user, search, status, limit + 1, cursor);
    return toConnection(rows, limit, (r) => [r.key, r.organization.id], (r) => toOrganization(r.organization, ctx), { hasPreviousPage: !!cursor });
  }

  @Query(() => [ModerationCount], { description: 'Platform staff: how many organizations and listings are in each state' })
  @Roles(STAFF)
  moderationCounts(@CurrentUser() user: AuthUser) {
    return this.desk.counts(user);
  }
}

/** Facts only the verification desk shows about an organization: null for anyone but platform staff. */
@Resolver(() => Organization)
export class OrganizationEvidenceResolver {
  constructor(private readonly desk: VerificationDeskService) {}

  @ResolveField(() => Boolean, { nullable: true, description: 'Platform staff: whether the tax code passes the mã số thuế checksum' })
  taxCodeValid(@Parent() org: Organization, @Context() ctx: RequestContext): boolean | null {
    return isPlatformStaff(ctx.user) ? taxCodeValid(org.taxCode) : null;
  }

  @ResolveField(() => [OrganizationDuplicate], { nullable: true, description: 'Platform staff: other organizations with the same tax code (any branch) or phone' })
  async duplicates(@Parent() org: Organization, @Context() ctx: RequestContext): Promise<OrganizationDuplicate[] | null> {
    if (!isPlatformStaff(ctx.user)) return null;
    // The parent's phone is the staff view of it (private fields are filled for staff).
    const found = await this.desk.duplicates({ id: org.id, taxCode: org.taxCode, phone: org.phone });
    return found.map((d) => ({ organization: toOrganization(d.organization, ctx), sameTaxCode: d.sameTaxCode, samePhone: d.samePhone }));
  }
}
