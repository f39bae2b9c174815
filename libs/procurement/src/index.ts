import { Bids1763806610000, Contracts1763807100000, Needs1763800100000, ProcurementOutboxEventId1763805500000, ProcurementServiceRole1763805800000 } from './migrations';
import { NeedEntity } from './needs/need.entity';
import { BidEntity } from './bids/bid.entity';

export * from './procurement.module';
export * from './needs/need.entity';
export * from './bids/bid.entity';
export { BidOpening } from './bids/bid-opening';
export const PROCUREMENT_ENTITIES = [NeedEntity, BidEntity];
export const PROCUREMENT_MIGRATIONS = [Needs1763800100000, ProcurementOutboxEventId1763805500000, ProcurementServiceRole1763805800000, Bids1763806610000, Contracts1763807100000];
