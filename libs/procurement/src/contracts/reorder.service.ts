import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '@lienket/auth';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { DomainError, ErrorCode } from '@lienket/graphql';
import { clock } from '@lienket/reference-data';
import { NeedEntity } from '../needs/need.entity';
import { lockContract } from './contract.service';
import { ContractStatus } from './contract.type';

/**
 * `reorder` (decision 119): a completed contract's need copied into a new DRAFT of the buyer that
 * invites the same supplier, INVITED (only that supplier reads it once open; the buyer may make it public). The dates move by the time since the old need was posted: the deadline
 * by exactly that interval (as far from now as it was from the old posting), but never sooner than
 * the shortest bidding window from now; the delivery window by that many days rounded up, or more
 * if needed so that it still starts on or after the deadline's day (Vietnam calendar). The buyer
 * edits the draft before submitting it, as any draft.
 */
@Injectable()
export class ReorderService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reorder(user: AuthUser, contractId: string): Promise<NeedEntity> {
    return this.ds.transaction(async (em) => {
      const c = await lockContract(em, user, contractId, 'buyer');
      if (c.status !== ContractStatus.COMPLETED) throw new DomainError(ErrorCode.CONFLICT, 'reorderNotAllowed');
      const [{ id }] = await em.query<{ id: string }[]>(
        `INSERT INTO procurement.needs (buyer_org_id, created_by, title, description, category_code, quantity, unit_code, target_unit_price,
                currency, delivery_province_code, delivery_from, delivery_to, required_certifications, allow_partial, bid_deadline,
                status, visibility, invited_supplier_ids, reordered_from_contract_id)
         SELECT n.buyer_org_id, $2, n.title, n.description, n.category_code, n.quantity, n.unit_code, n.target_unit_price,
                n.currency, n.delivery_province_code, n.delivery_from + s.days, n.delivery_to + s.days, n.required_certifications,
                n.allow_partial, d.deadline, 'DRAFT', 'INVITED', ARRAY[$4::uuid], $5
           FROM procurement.needs n
          CROSS JOIN LATERAL (SELECT greatest(n.bid_deadline + ($3::timestamptz - n.created_at), $3::timestamptz + make_interval(secs => $6)) AS deadline) d
          CROSS JOIN LATERAL (SELECT greatest(0, ceil(extract(epoch FROM $3::timestamptz - n.created_at) / 86400)::int,
                                              (d.deadline AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - n.delivery_from) AS days) s
          WHERE n.id = $1
         RETURNING id`,
        [c.need_id, user.id, clock.now(), c.supplier_org_id, c.id, this.config.minBidWindowSeconds],
      );
      return em.getRepository(NeedEntity).findOneByOrFail({ id });
    });
  }
}
