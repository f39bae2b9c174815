import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { connectionTypes, DateScalar, DateTimeScalar, DecimalScalar, Money, MoneyInput } from '@lienket/graphql';
import { Category, Province, Unit } from '@lienket/reference-data';
import { OrganizationRef } from '../shared/organization-ref.type';
import { NeedStatus, NeedVisibility } from './need.entity';

registerEnumType(NeedStatus, { name: 'NeedStatus' });
registerEnumType(NeedVisibility, {
  name: 'NeedVisibility',
  description: 'PUBLIC: anyone reads it once open; INVITED: only its buyer, platform staff and the invited suppliers',
});

@ObjectType()
export class ProcurementNeed {
  @Field(() => ID) id: string;
  @Field(() => OrganizationRef) buyer: OrganizationRef;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => Category) category: Category;
  @Field(() => DecimalScalar) quantity: string;
  @Field(() => Unit) unit: Unit;
  @Field(() => Money, { nullable: true }) targetUnitPrice: Money | null;
  @Field(() => Province) deliveryProvince: Province;
  @Field(() => DateScalar) deliveryFrom: string;
  @Field(() => DateScalar) deliveryTo: string;
  @Field(() => [String]) requiredCertifications: string[];
  @Field() allowPartial: boolean;
  @Field(() => DateTimeScalar) bidDeadline: Date;
  @Field(() => NeedStatus, { description: 'As of now: an open need past its deadline reads CLOSED' }) status: NeedStatus;
  @Field(() => DateTimeScalar) createdAt: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When bidding closed (its deadline)' }) closedAt: Date | null;
  @Field(() => String, { nullable: true, description: "The moderator's reason for rejecting it; its buyer only" }) rejectionReason: string | null;
  @Field(() => String, { nullable: true, description: "The buyer's reason for cancelling it" }) cancellationReason: string | null;
  @Field(() => NeedVisibility) visibility: NeedVisibility;
  @Field({ description: "Whether your organization is among the suppliers the buyer invited to quote" }) invitesYou: boolean;
  /** Resolved as `invitedSuppliers`, for the buyer only (ContractNeedResolver). */
  invitedSupplierIds: string[];
}

export const NeedConnection = connectionTypes(ProcurementNeed, 'Need');

@InputType()
export class NeedInput {
  @Field() title: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field() categoryCode: string;
  @Field(() => DecimalScalar) quantity: string;
  @Field() unitCode: string;
  @Field(() => MoneyInput, { nullable: true }) targetUnitPrice?: MoneyInput | null;
  @Field() deliveryProvinceCode: string;
  @Field(() => DateScalar) deliveryFrom: string;
  @Field(() => DateScalar) deliveryTo: string;
  @Field(() => [String], { nullable: true }) requiredCertifications?: string[] | null;
  @Field(() => Boolean, { nullable: true }) allowPartial?: boolean | null;
  @Field(() => DateTimeScalar) bidDeadline: Date;
  @Field(() => NeedVisibility, { nullable: true, description: 'PUBLIC when left out' }) visibility?: NeedVisibility | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Verified cooperatives told when the need opens (at most 20); an INVITED need names at least one',
  })
  invitedSupplierIds?: string[] | null;
}

@InputType()
export class NeedFilter {
  @Field(() => String, { nullable: true }) categoryCode?: string | null;
  @Field(() => String, { nullable: true }) provinceCode?: string | null;
  @Field(() => NeedStatus, { nullable: true }) status?: NeedStatus | null;
  @Field(() => Boolean, { nullable: true, description: "Only your organization's needs, in every status" }) mine?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Words of the title or description, ignoring diacritics and case ("ca phe" finds "Cà phê")' })
  query?: string | null;
  @Field(() => String, { nullable: true, description: 'A month, "2027-03": needs whose delivery window overlaps it' })
  deliveryMonth?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only needs that invite your organization to quote' }) invited?: boolean | null;
}
