import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Organization } from '@lienket/accounts';
import { RequestContext } from '@lienket/auth';
import { OnboardingService } from './onboarding.service';
import { Onboarding } from './onboarding.type';

/**
 * `Organization.onboarding`: here rather than in accounts because a cooperative's checklist counts
 * its listings, and this lib sees both organizations and products.
 */
@Resolver(() => Organization)
export class OnboardingResolver {
  constructor(private readonly checklists: OnboardingService) {}

  @ResolveField(() => Onboarding, { nullable: true, description: 'Getting started: what is done and what is left; the organization and platform staff' })
  onboarding(@Parent() org: Organization, @Context() ctx: RequestContext) {
    return this.checklists.of(ctx.user, org.id);
  }
}
