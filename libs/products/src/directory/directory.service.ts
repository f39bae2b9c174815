import { Injectable } from '@nestjs/common';
import { OrganizationEntity, OrganizationService } from '@lienket/accounts';
import { RequestContext } from '@lienket/auth';
import { badInput, decodeCursor, isUuid } from '@lienket/graphql';
import { todayInVietnam } from '@lienket/reference-data';
import { parseSearchInput } from '../products/product.rules';
import { DirectoryHit, DirectoryRepository } from './directory.repository';
import { OrganizationFilter } from './directory.type';

/**
 * The supplier directory: VERIFIED organizations only, whoever asks (staff included: it is the
 * public directory; staff have the moderation queue for the others).
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly repository: DirectoryRepository,
    private readonly organizations: OrganizationService,
  ) {}

  async search(
    ctx: RequestContext,
    query: string | null | undefined,
    filter: OrganizationFilter | null | undefined,
    limit: number,
    after: string | null | undefined,
  ): Promise<{ rows: { hit: DirectoryHit; org: OrganizationEntity }[]; total: number }> {
    // The same rules as product search for the text and the listing filters.
    const terms = parseSearchInput(query, { ...filter, minMonthlyCapacity: null });
    const { hits, total } = await this.repository.search({
      text: terms.text,
      kind: filter?.kind ?? null,
      provinceCode: terms.provinceCode,
      categoryCode: terms.categoryCode,
      certification: terms.certification,
      today: todayInVietnam(),
      limit,
      after: directoryCursor(after, terms.text !== null),
    });
    // The page's organizations through the request's loader: one more statement, by primary key.
    const orgs = await this.organizations.loader(ctx).loadMany(hits.map((h) => h.id));
    const rows = hits.flatMap((hit, i) => {
      const org = orgs[i];
      return org && !(org instanceof Error) ? [{ hit, org }] : [];
    });
    return { rows, total };
  }
}

/** (relevance, id) when searching, (folded name, id) when browsing; a forged one is bad input. */
function directoryCursor(after: string | null | undefined, ranked: boolean): { key: string; id: string } | null {
  const decoded = decodeCursor(after, 2);
  if (!decoded) return null;
  const [key, id] = decoded.map(String);
  if (!isUuid(id) || (ranked && !/^\d{1,6}(\.\d{1,6})?$/.test(key))) throw badInput('after', 'invalidCursor');
  return { key, id };
}
