import { Injectable } from '@nestjs/common';
import { Reliability } from './reliability.type';

/** Nothing has been recorded yet: an organization without a record. */
export const NO_RECORD: Reliability = { completedContracts: 0, onTimeRate: null, fillRate: null, averageRating: null };

/**
 * Track records come from completed contracts, which this subgraph will own. Until contracts exist
 * every organization has no record; when they do, this becomes one batched read of the contracts'
 * aggregate per organization (a DataLoader, as a directory page asks for many at once).
 */
@Injectable()
export class ReliabilityService {
  forOrganization(_organizationId: string): Promise<Reliability> {
    return Promise.resolve(NO_RECORD);
  }
}
