import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@lienket/auth';
import { ProcurementNeed } from '../needs/need.type';
import { NeedAttachmentService } from './attachment.service';
import { NeedAttachment } from './attachment.type';

/** `ProcurementNeed.attachments`: whoever may read the need reads its files. */
@Resolver(() => ProcurementNeed)
export class NeedAttachmentResolver {
  constructor(private readonly service: NeedAttachmentService) {}

  @ResolveField(() => [NeedAttachment], { description: 'Oldest first; at most MAX_ATTACHMENTS_PER_NEED (5)' })
  attachments(@Parent() need: ProcurementNeed, @Context() ctx: RequestContext) {
    return this.service.loader(ctx).load(need.id);
  }
}
