import { Inject, Injectable } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { loader, mayAccessOrganization, RequestContext } from '@lienket/auth';
import { KnownOrganization, OrganizationRef } from './organization-ref.type';

/**
 * `Organization.name` where procurement provides it (a need's buyer: decision NN), so that a page of
 * needs does not go to catalog for its buyers' names. The rule is catalog's (OrganizationService
 * .findVisible): a verified organization is public, any other only to its own members and platform
 * staff; a hidden one's name is null here, which the schema (String!) turns into an error, as catalog's
 * null reference did — never the name. The name is procurement's copy, as of catalog's last event.
 */
@Injectable()
@Resolver(() => OrganizationRef)
export class OrganizationNames {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  @ResolveField(() => String)
  async name(@Parent() org: OrganizationRef, @Context() ctx: RequestContext): Promise<string | null> {
    const known = org.known !== undefined ? org.known : await this.known(ctx).load(org.id);
    if (!known) return null;
    return known.verification === 'VERIFIED' || mayAccessOrganization(ctx.user, org.id, 'read') ? known.name : null;
  }

  /** Procurement's copy of the organizations a request names, one statement per batch. */
  private known(ctx: RequestContext): DataLoader<string, KnownOrganization | null> {
    return loader(ctx, 'knownOrganizations', () => new DataLoader<string, KnownOrganization | null>(async (ids) => {
      const rows = await this.ds.query<(KnownOrganization & { id: string })[]>(
        `SELECT id, name, verification FROM procurement.organizations WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, { name: r.name, verification: r.verification }]));
      return ids.map((id) => byId.get(id) ?? null);
    }));
  }
}
