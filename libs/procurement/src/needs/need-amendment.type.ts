import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@lienket/graphql';

@ObjectType({ description: 'Text the buyer added to an open need before its deadline; whoever reads the need reads it' })
export class NeedClarification {
  @Field(() => ID) id: string;
  @Field() text: string;
  @Field(() => DateTimeScalar) publishedAt: Date;
}

@ObjectType({ description: 'A deadline extension of an open need, from the deadline before to the one after' })
export class NeedDeadlineChange {
  @Field(() => ID) id: string;
  @Field(() => DateTimeScalar) previousDeadline: Date;
  @Field(() => DateTimeScalar) newDeadline: Date;
  @Field(() => DateTimeScalar) changedAt: Date;
}
