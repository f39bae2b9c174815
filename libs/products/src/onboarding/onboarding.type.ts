import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** One thing a new organization does before it can trade; which ones depends on its kind. */
export enum OnboardingStepKey {
  /** Evidence uploaded for the moderators (business registration, certificates). */
  DOCUMENTS = 'DOCUMENTS',
  /** Description, address, ward and phone filled in. */
  PROFILE = 'PROFILE',
  /** Cooperatives: a first listing saved (a draft counts). */
  FIRST_PRODUCT = 'FIRST_PRODUCT',
  /** Buyers: a colleague invited or joined. */
  TEAM = 'TEAM',
  /** The platform verified the organization (nothing to do but wait once the documents are in). */
  VERIFICATION = 'VERIFICATION',
}
registerEnumType(OnboardingStepKey, { name: 'OnboardingStepKey' });

@ObjectType({ description: 'A step of the getting-started checklist, ticked from what the organization has really done' })
export class OnboardingStep {
  @Field(() => OnboardingStepKey) key: OnboardingStepKey;
  @Field() done: boolean;
}

@ObjectType({ description: "A new organization's getting-started checklist, computed by the server" })
export class Onboarding {
  @Field(() => [OnboardingStep], { description: 'In the order to do them' }) steps: OnboardingStep[];
  @Field(() => Int) doneCount: number;
  @Field(() => Int) total: number;
  @Field({ description: 'Every step is done' }) complete: boolean;
}
