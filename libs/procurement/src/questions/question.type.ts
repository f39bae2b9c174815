import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@lienket/graphql';

/**
 * A public question on a need and the buyer's one answer. Who asked is not a field, and never will
 * be: the buyer, other cooperatives and platform staff do not learn it (`mine` tells the asker only).
 */
@ObjectType({ description: "A cooperative's question on a need and the buyer's answer; who asked is never shown" })
export class NeedQuestion {
  @Field(() => ID) id: string;
  @Field() text: string;
  @Field(() => String, { nullable: true, description: "The buyer's answer, once given (everyone who reads the need reads it)" }) answer: string | null;
  @Field(() => DateTimeScalar) askedAt: Date;
  @Field(() => DateTimeScalar, { nullable: true }) answeredAt: Date | null;
  @Field(() => Boolean, { description: 'Your organization asked it' }) mine: boolean;
}
