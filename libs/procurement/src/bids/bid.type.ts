import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { connectionTypes, DateScalar, DateTimeScalar, DecimalScalar, Money, MoneyInput } from '@lienket/graphql';
import { OrganizationRef } from '../shared/organization-ref.type';
import { BidStatus } from './bid.entity';

registerEnumType(BidStatus, { name: 'BidStatus' });

/** A bid as its reader may see it: only ever its own organization's before the deadline (sealed). */
@ObjectType()
export class Bid {
  @Field(() => ID) id: string;
  /** Resolved by BidResolver from needId. */
  needId: string;
  @Field(() => OrganizationRef) supplier: OrganizationRef;
  @Field(() => Money) unitPrice: Money;
  @Field(() => DecimalScalar) quantity: string;
  @Field(() => DateScalar) deliveryDate: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => BidStatus) status: BidStatus;
  @Field(() => Int, { description: 'The latest version: 1 when first submitted, one more at each revision' }) revision: number;
  @Field(() => DateTimeScalar, { description: 'When the latest revision was submitted' }) submittedAt: Date;
}

export const BidConnection = connectionTypes(Bid, 'Bid');

@InputType()
export class BidInput {
  @Field(() => ID) needId: string;
  @Field(() => MoneyInput) unitPrice: MoneyInput;
  @Field(() => DecimalScalar) quantity: string;
  @Field(() => DateScalar) deliveryDate: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}
