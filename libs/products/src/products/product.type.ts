import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Organization } from '@lienket/accounts';
import {
  connectionTypes,
  DateScalar,
  DateTimeScalar,
  DecimalScalar,
  Money,
  MoneyInput,
} from '@lienket/graphql';
import { Category, Unit } from '@lienket/reference-data';
import { CERTIFICATION_KINDS, ListingStatus } from './product.entity';

registerEnumType(ListingStatus, { name: 'ListingStatus' });

const KINDS = CERTIFICATION_KINDS.join(', ');

@ObjectType()
export class Certification {
  @Field({ description: KINDS }) kind: string;
  @Field(() => String, { nullable: true }) issuer: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of validity; none means it does not expire',
  })
  validUntil: string | null;
  @Field({
    description:
      'Past its validUntil day (Vietnam time): it no longer counts in search or matching',
  })
  expired: boolean;
}

@ObjectType({ description: "A cooperative's product listing" })
export class Product {
  @Field(() => ID) id: string;
  @Field(() => Organization) organization?: Organization;
  @Field(() => Category) category: Category;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'Plain text (HTML is not interpreted)' })
  description: string | null;
  @Field(() => Unit) unit: Unit;
  @Field(() => DecimalScalar, { description: 'In `unit`' }) monthlyCapacity: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'In `unit`' }) minOrderQuantity:
    string | null;
  @Field(() => Unit, {
    description: 'What priceMin/priceMax are per, e.g. kg while capacity counts in tấn; the capacity unit unless the seller chose another of the same kind',
  })
  priceUnit: Unit;
  @Field(() => Money, { nullable: true, description: 'Per `priceUnit`' }) priceMin: Money | null;
  @Field(() => Money, { nullable: true, description: 'Per `priceUnit`' }) priceMax: Money | null;
  @Field(() => [Int], { description: 'Months of harvest, 1–12' }) harvestMonths: number[];
  @Field(() => [Certification]) certifications: Certification[];
  @Field(() => ListingStatus, {
    description:
      'The public always sees APPROVED (the approved version); the organization sees where its latest version is',
  })
  status: ListingStatus;
  @Field(() => String, {
    nullable: true,
    description: "The moderator's reason for a rejection; organization and staff only",
  })
  moderationNote: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the version the public sees was approved',
  })
  publishedAt: Date | null;
  @Field(() => DateTimeScalar) createdAt: Date;
  @Field(() => DateTimeScalar) updatedAt: Date;
  /** Not exposed: used by the organization field resolver. */
  organizationId: string;
}

export const ProductConnection = connectionTypes(Product, 'Product');

@InputType()
export class CertificationInput {
  @Field({ description: KINDS }) kind: string;
  @Field(() => String, { nullable: true }) issuer?: string | null;
  @Field(() => DateScalar, { nullable: true }) validUntil?: string | null;
}

@InputType()
export class ProductInput {
  @Field({ description: 'HS chapter or heading, e.g. "0901"' }) categoryCode: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field() unitCode: string;
  @Field(() => DecimalScalar) monthlyCapacity: string;
  @Field(() => DecimalScalar, { nullable: true }) minOrderQuantity?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'What the prices are per (a unit of the same kind as `unitCode`, e.g. KGM for a listing in TNE); defaults to `unitCode`',
  })
  priceUnitCode?: string | null;
  @Field(() => MoneyInput, { nullable: true, description: 'VND only' })
  priceMin?: MoneyInput | null;
  @Field(() => MoneyInput, { nullable: true, description: 'VND only' })
  priceMax?: MoneyInput | null;
  @Field(() => [Int], { nullable: true }) harvestMonths?: number[] | null;
  @Field(() => [CertificationInput], { nullable: true }) certifications?:
    CertificationInput[] | null;
}

@InputType()
export class ProductFilter {
  @Field(() => String, {
    nullable: true,
    description: 'An HS heading, or a 2-digit chapter with all its headings',
  })
  categoryCode?: string | null;
  @Field(() => String, { nullable: true, description: "The supplier organization's province" })
  provinceCode?: string | null;
  @Field(() => String, { nullable: true, description: `Held and not expired: ${KINDS}` })
  certification?: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "In the listing unit's base unit (kg for kg/yến/tạ/tấn, l for litres, else pieces): 10 tấn is 10000",
  })
  minMonthlyCapacity?: string | null;
}
