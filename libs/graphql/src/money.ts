import { Directive, Field, InputType, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from './scalars';

@ObjectType()
@Directive('@shareable')
export class Money {
  @Field(() => DecimalScalar) amount: string;
  @Field() currency: string;
}

@InputType()
export class MoneyInput {
  @Field(() => DecimalScalar) amount: string;
  @Field() currency: string;
}
