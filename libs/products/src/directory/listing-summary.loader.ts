import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loader, RequestContext } from '@lienket/auth';
import { isUuid } from '@lienket/graphql';
import { todayInVietnam } from '@lienket/reference-data';
import { DirectoryRepository, ListingSummary } from './directory.repository';

const NO_LISTINGS: ListingSummary = { productCount: 0, certifications: [] };

/**
 * Listing counts and certifications of every organization a response mentions (a directory page,
 * a supplier page), in one statement per request.
 */
@Injectable()
export class ListingSummaryLoader {
  constructor(private readonly repository: DirectoryRepository) {}

  for(ctx: RequestContext): DataLoader<string, ListingSummary> {
    return loader(ctx, 'listingSummaries', () => new DataLoader<string, ListingSummary>(async (ids) => {
      const found = await this.repository.summaries(ids.filter(isUuid), todayInVietnam());
      return ids.map((id) => found.get(id) ?? NO_LISTINGS);
    }));
  }
}
