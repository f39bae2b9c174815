import { Field, InputType } from '@nestjs/graphql';
import { Organization, OrganizationKind } from '@lienket/accounts';
import { connectionTypes } from '@lienket/graphql';

export const OrganizationConnection = connectionTypes(Organization, 'Organization');

@InputType({ description: 'Narrows the supplier directory; every filter must hold' })
export class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true }) kind?: OrganizationKind | null;
  @Field(() => String, { nullable: true }) provinceCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Has an approved listing in this HS heading, or in any heading of a 2-digit chapter',
  })
  categoryCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Has an approved listing holding this certification, not expired (with categoryCode: the same listing)',
  })
  certification?: string | null;
}
