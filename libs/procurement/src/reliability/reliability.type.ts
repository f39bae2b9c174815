import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "An organization's track record from completed contracts; rates are null until there is one" })
export class Reliability {
  @Field(() => Int, { description: 'Completed contracts on either side' }) completedContracts: number;
  @Field(() => Float, { nullable: true, description: "As supplier: shipments on or before the promised date / shipments, 0..1" }) onTimeRate: number | null;
  @Field(() => Float, { nullable: true, description: 'As supplier: accepted quantity / contracted quantity, 0..1' }) fillRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Ratings received from the other parties, 1..5' }) averageRating: number | null;
  @Field(() => Int, { description: 'As supplier: buyers with at least two completed contracts with it' }) repeatBuyers: number;
  @Field(() => Float, { nullable: true, description: 'As buyer: receipts confirmed within 3 days of the shipment / receipts, 0..1' }) receiptPunctuality: number | null;
}
