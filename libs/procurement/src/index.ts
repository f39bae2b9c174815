import * as migrations from './migrations';
import { NeedEntity } from './needs/need.entity';
import { BidEntity } from './bids/bid.entity';

export * from './procurement.module';
export * from './needs/need.entity';
export * from './bids/bid.entity';
export { BidOpening } from './bids/bid-opening';
export * from './needs/need-clock';
export type { NeedDecision, PendingNeed } from './needs/need-lifecycle.service';
export const PROCUREMENT_ENTITIES = [NeedEntity, BidEntity];
/** Every migration of the schema (TypeORM orders them by timestamp): a new one cannot be left out. */
export const PROCUREMENT_MIGRATIONS = Object.values(migrations);
