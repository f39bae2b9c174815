import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '@lienket/graphql';

@InputType()
export class AwardInput {
  @Field(() => ID) bidId: string;
  @Field(() => DecimalScalar) quantity: string;
}

@ObjectType({ description: "How a losing bid ranked against the awarded ones; never another bidder's identity or exact price" })
export class Debrief {
  @Field(() => Int, { description: '1 + the awarded bids priced lower' }) priceRank: number;
  @Field(() => Int, { description: 'Your price against the lowest awarded price, in whole percent (negative: yours was lower)' }) priceGapPercent: number;
  @Field(() => Int, { description: '1 + the awarded bids promising an earlier delivery' }) deliveryRank: number;
  @Field(() => Int, { description: 'Your delivery date against the earliest awarded one, in days (negative: yours was earlier)' }) deliveryGapDays: number;
  @Field(() => Int) awardedCount: number;
  @Field(() => Int, { description: 'Bids opened at the deadline' }) totalBids: number;
}
