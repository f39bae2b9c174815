import { Module } from '@nestjs/common';
import { NeedResolver } from './needs/need.resolver';
import { NeedService } from './needs/need.service';

/** Procurement needs (and, with later work, bids, awards, contracts and payments). */
@Module({ providers: [NeedService, NeedResolver] })
export class ProcurementDomainModule {}
