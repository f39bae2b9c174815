import { Needs1763800100000 } from './migrations';
import { NeedEntity } from './needs/need.entity';

export * from './procurement.module';
export * from './needs/need.entity';
export const PROCUREMENT_ENTITIES = [NeedEntity];
export const PROCUREMENT_MIGRATIONS = [Needs1763800100000];
