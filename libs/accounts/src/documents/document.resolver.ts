import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@lienket/auth';
import { Organization } from '../organizations/organization.type';
import { DocumentService } from './document.service';
import { OrganizationDocument } from './document.type';

@Resolver(() => Organization)
export class DocumentResolver {
  constructor(private readonly documentService: DocumentService) {}

  @ResolveField(() => [OrganizationDocument], { nullable: true, description: 'Evidence; visible to the organization and platform staff' })
  documents(@Parent() org: Organization, @Context() ctx: RequestContext) {
    return this.documentService.list(ctx.user, org.id);
  }
}
