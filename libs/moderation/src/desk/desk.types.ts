import { Field, Int, ObjectType } from '@nestjs/graphql';
import { connectionTypes } from '@lienket/graphql';
import { Organization } from '@lienket/accounts';
import { ModerationSubject } from '../moderation.types';

@ObjectType({ description: 'How many subjects of one kind are in one state (e.g. ORGANIZATION / PENDING_VERIFICATION)' })
export class ModerationCount {
  @Field(() => ModerationSubject) subject: ModerationSubject;
  @Field({ description: 'VerificationStatus for organizations, ListingStatus for listings, PENDING_REVIEW for needs' }) state: string;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'Another organization that shares a tax code (head office or branch) or a phone number with this one' })
export class OrganizationDuplicate {
  @Field(() => Organization) organization: Organization;
  @Field({ description: 'Same 10-digit tax code, ignoring a branch suffix' }) sameTaxCode: boolean;
  @Field({ description: 'Same phone number, written any way (0…, +84…, spaces, dots)' }) samePhone: boolean;
}

export const StaffOrganizationConnection = connectionTypes(Organization, 'StaffOrganization');
