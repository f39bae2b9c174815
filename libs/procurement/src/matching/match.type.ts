import { Field, Float, ObjectType } from '@nestjs/graphql';
import { connectionTypes } from '@lienket/graphql';
import { ProcurementNeed } from '../needs/need.type';
import { OrganizationRef } from '../shared/organization-ref.type';

@ObjectType({ description: 'Why a supplier was ranked where it is: one signal, its weight, a sentence' })
export class MatchReason {
  @Field() code: string;
  @Field({ description: "A sentence in the caller's language" }) message: string;
  @Field(() => Float) weight: number;
}

@ObjectType({ description: 'A supplier ranked for a need by the matcher, with its reasons' })
export class Match {
  @Field(() => ProcurementNeed) need: ProcurementNeed;
  @Field(() => OrganizationRef) supplier: OrganizationRef;
  @Field(() => Float, { description: '0..1' }) score: number;
  @Field(() => Float, { description: 'Share of the quantity this supplier can supply in the window, 0..1' }) coverage: number;
  @Field(() => [MatchReason]) reasons: MatchReason[];
}

export const MatchConnection = connectionTypes(Match, 'Match');
