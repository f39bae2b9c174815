import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthGuard, AuthUser, CurrentUser, OrganizationRole, RequestContext, Roles } from '@lienket/auth';
import { ProcurementNeed } from '../needs/need.type';
import { QuestionRow, QuestionService } from './question.service';
import { NeedQuestion } from './question.type';

const MANAGERS = { organization: [OrganizationRole.OWNER, OrganizationRole.MANAGER] };

const toQuestion = (q: QuestionRow): NeedQuestion => ({
  id: q.id,
  text: q.text,
  answer: q.answer,
  askedAt: q.asked_at,
  answeredAt: q.answered_at,
  mine: q.mine,
});

/** The public Q&A of a need; who may ask, answer and read what is judged by QuestionService. */
@Resolver(() => ProcurementNeed)
export class QuestionResolver {
  constructor(private readonly service: QuestionService) {}

  @Mutation(() => NeedQuestion, {
    description: "A verified cooperative's OWNER or MANAGER asks on an OPEN need before its deadline; the buyer never learns who asked",
  })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async askQuestion(@Args('needId', { type: () => ID }) needId: string, @Args('text') text: string, @CurrentUser() user: AuthUser) {
    return toQuestion(await this.service.ask(user, needId, text));
  }

  @Mutation(() => NeedQuestion, { description: "The buyer's OWNER or MANAGER answers a question once, before the need's deadline; everyone who reads the need reads it" })
  @UseGuards(AuthGuard)
  @Roles(MANAGERS)
  async answerQuestion(@Args('questionId', { type: () => ID }) questionId: string, @Args('answer') answer: string, @CurrentUser() user: AuthUser) {
    return toQuestion(await this.service.answer(user, questionId, answer));
  }

  @ResolveField(() => [NeedQuestion], {
    description: "Answered questions, oldest first; the buyer's organization also reads unanswered ones, and an asking organization its own (`mine`)",
  })
  async questions(@Parent() need: ProcurementNeed, @Context() ctx: RequestContext): Promise<NeedQuestion[]> {
    return (await this.service.forNeed(ctx, need.id)).map(toQuestion);
  }
}
