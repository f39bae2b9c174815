import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A supplier's track record from completed contracts; rates are null until there is one" })
export class Reliability {
  @Field(() => Int) completedContracts: number;
  @Field(() => Float, { nullable: true, description: 'Share of milestones delivered on time, 0..1' }) onTimeRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Accepted quantity / contracted quantity, 0..1' }) fillRate: number | null;
  @Field(() => Float, { nullable: true, description: "Buyers' ratings, 1..5" }) averageRating: number | null;
}
