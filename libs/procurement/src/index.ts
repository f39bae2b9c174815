import { NeedLifecycle1763806800000, Needs1763800100000, ProcurementOutboxEventId1763805500000, ProcurementServiceRole1763805800000 } from './migrations';
import { NeedEntity } from './needs/need.entity';

export * from './procurement.module';
export * from './needs/need.entity';
export * from './needs/need-clock';
export type { NeedDecision, PendingNeed } from './needs/need-lifecycle.service';
export const PROCUREMENT_ENTITIES = [NeedEntity];
export const PROCUREMENT_MIGRATIONS = [Needs1763800100000, ProcurementOutboxEventId1763805500000, ProcurementServiceRole1763805800000, NeedLifecycle1763806800000];
