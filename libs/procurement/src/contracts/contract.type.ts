import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, DecimalScalar, Money } from '@lienket/graphql';
import { OrganizationRef } from '../shared/organization-ref.type';

export enum ContractStatus {
  ACTIVE = 'ACTIVE',
  DELIVERING = 'DELIVERING',
  COMPLETED = 'COMPLETED',
  DISPUTED = 'DISPUTED',
  CANCELLED = 'CANCELLED',
}
export enum DisputeOutcome {
  RESUME = 'RESUME',
  CANCEL = 'CANCEL',
}
export enum PaymentStatus {
  REQUIRES_PAYMENT = 'REQUIRES_PAYMENT',
  PROCESSING = 'PROCESSING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  REFUNDED = 'REFUNDED',
}
export enum PaymentKind {
  DEPOSIT = 'DEPOSIT',
  MILESTONE = 'MILESTONE',
  REFUND = 'REFUND',
}
registerEnumType(ContractStatus, { name: 'ContractStatus' });
registerEnumType(DisputeOutcome, { name: 'DisputeOutcome', description: 'RESUME: back to the status before the dispute; CANCEL: the contract is cancelled' });
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });
registerEnumType(PaymentKind, { name: 'PaymentKind' });

@ObjectType()
export class Shipment {
  @Field(() => ID) id: string;
  contractId: string;
  @Field(() => DecimalScalar) quantity: string;
  @Field(() => DateTimeScalar) shippedAt: Date;
  @Field(() => Boolean, { description: 'Shipped on or before the promised date (Vietnam calendar day)' }) onTime: boolean;
  @Field(() => DecimalScalar, { nullable: true }) acceptedQuantity: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) receivedAt: Date | null;
  @Field(() => String, { nullable: true, description: "The supplier's note" }) note: string | null;
  @Field(() => String, { nullable: true, description: "The buyer's note on receipt" }) receiptNote: string | null;
}

/** Payments are built later; a contract lists none until then. */
@ObjectType()
export class Payment {
  @Field(() => ID) id: string;
  @Field(() => PaymentKind) kind: PaymentKind;
  @Field(() => Money) amount: Money;
  @Field(() => PaymentStatus) status: PaymentStatus;
  @Field(() => String, { nullable: true }) checkoutUrl: string | null;
}

@ObjectType({ description: "One side's review of the other after completion" })
export class ContractReview {
  @Field(() => OrganizationRef) reviewer: OrganizationRef;
  @Field(() => OrganizationRef) reviewee: OrganizationRef;
  @Field(() => Int) rating: number;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => DateTimeScalar) createdAt: Date;
}

@ObjectType({ description: "A dispute as the parties and platform staff see it: both sides' words and the resolution" })
export class Dispute {
  @Field(() => OrganizationRef) openedBy: OrganizationRef;
  @Field() reason: string;
  @Field(() => DateTimeScalar) openedAt: Date;
  @Field(() => String, { nullable: true, description: "The other side's statement" }) statement: string | null;
  @Field(() => String, { nullable: true }) resolution: string | null;
  @Field(() => DisputeOutcome, { nullable: true }) outcome: DisputeOutcome | null;
  @Field(() => DateTimeScalar, { nullable: true }) resolvedAt: Date | null;
}

@ObjectType()
export class ContractMessage {
  @Field(() => ID) id: string;
  @Field(() => OrganizationRef) sender: OrganizationRef;
  @Field() body: string;
  @Field(() => DateTimeScalar) createdAt: Date;
}

@ObjectType()
export class Contract {
  @Field(() => ID) id: string;
  needId: string;
  @Field(() => OrganizationRef) buyer: OrganizationRef;
  @Field(() => OrganizationRef) supplier: OrganizationRef;
  @Field(() => DecimalScalar) quantity: string;
  @Field(() => Money) unitPrice: Money;
  @Field(() => Money, { description: 'quantity × unit price, rounded half up to whole đồng' }) total: Money;
  @Field(() => ContractStatus) status: ContractStatus;
  @Field(() => DateScalar, { description: "The winning bid's delivery date" }) promisedDate: string;
  @Field(() => DateTimeScalar) createdAt: Date;
  @Field(() => DateTimeScalar, { nullable: true }) completedAt: Date | null;
}
