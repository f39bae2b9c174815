import { Injectable } from '@nestjs/common';
import { isUuid } from '@lienket/graphql';
import { OrganizationRef, organizationRef } from '../shared/organization-ref.type';
import { Reliability } from './reliability.type';

/** Nothing has been recorded yet: an organization without a record. */
export const NO_RECORD: Reliability = { completedContracts: 0, onTimeRate: null, fillRate: null, averageRating: null };

/**
 * Track records come from completed contracts, which this subgraph will own. This subgraph cannot
 * see an organization's verification (catalog owns it), so it may answer a reference only with
 * facts that are public wherever they exist: a record is built only from contracts between verified
 * organizations, and an id it has no record for — unknown, unverified or hidden — answers exactly
 * as every other such id (NO_RECORD), so `_entities` here tells neither whether an organization
 * exists nor its verification, and never its name or tax code (this subgraph has neither).
 * Until contracts exist every organization has no record; when they do, this becomes one batched
 * read of the contracts' aggregate per organization (a DataLoader), keeping that rule.
 */
@Injectable()
export class ReliabilityService {
  /** A reference to an organization by id; anything that cannot be an id resolves to nothing. */
  reference(id: string): OrganizationRef | null {
    return isUuid(id) ? organizationRef(id) : null;
  }

  forOrganization(_organizationId: string): Promise<Reliability> {
    return Promise.resolve(NO_RECORD);
  }
}
