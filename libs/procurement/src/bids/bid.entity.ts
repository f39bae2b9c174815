import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum BidStatus {
  SUBMITTED = 'SUBMITTED',
  WITHDRAWN = 'WITHDRAWN',
  AWARDED = 'AWARDED',
  NOT_AWARDED = 'NOT_AWARDED',
}

/**
 * A bid's envelope: who bid on what, its status and latest revision number. Its content (price,
 * quantity, delivery date, note) is never here: it lives sealed in `bid_revisions`, one row per
 * version, and in the clear only in `bid_opening_lines` once the deadline has passed.
 */
@Entity({ name: 'bids' })
export class BidEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'need_id', type: 'uuid' }) needId: string;
  @Column({ name: 'supplier_org_id', type: 'uuid' }) supplierOrgId: string;
  @Column({ type: 'text', default: BidStatus.SUBMITTED }) status: BidStatus;
  @Column({ type: 'integer', default: 1 }) revision: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
}
