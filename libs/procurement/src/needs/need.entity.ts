import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum NeedStatus {
  DRAFT = 'DRAFT',
  PENDING_REVIEW = 'PENDING_REVIEW',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  AWARDED = 'AWARDED',
  CANCELLED = 'CANCELLED',
  REJECTED = 'REJECTED',
}

/** Who reads a need once it is open: the market, or only its buyer, platform staff and the invited suppliers. */
export enum NeedVisibility {
  PUBLIC = 'PUBLIC',
  INVITED = 'INVITED',
}

/** Statuses anyone may see; the others exist only for the buyer (and moderators). */
export const PUBLIC_NEED_STATUSES = [NeedStatus.OPEN, NeedStatus.CLOSED, NeedStatus.AWARDED];

@Entity({ name: 'needs' })
export class NeedEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'buyer_org_id', type: 'uuid' }) buyerOrgId: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'category_code', type: 'text' }) categoryCode: string;
  /** numeric: read back as an exact decimal string. */
  @Column({ type: 'numeric' }) quantity: string;
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  @Column({ name: 'target_unit_price', type: 'numeric', nullable: true }) targetUnitPrice: string | null;
  @Column({ type: 'text', default: 'VND' }) currency: string;
  @Column({ name: 'delivery_province_code', type: 'text' }) deliveryProvinceCode: string;
  @Column({ name: 'delivery_from', type: 'date' }) deliveryFrom: string;
  @Column({ name: 'delivery_to', type: 'date' }) deliveryTo: string;
  @Column({ name: 'required_certifications', type: 'text', array: true, default: () => "'{}'" }) requiredCertifications: string[];
  @Column({ name: 'allow_partial', type: 'boolean', default: false }) allowPartial: boolean;
  @Column({ name: 'bid_deadline', type: 'timestamptz' }) bidDeadline: Date;
  @Column({ type: 'text', default: NeedStatus.DRAFT }) status: NeedStatus;
  /** When it was last submitted: the moderation queue's order. */
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  /** When bidding closed: the deadline, for a need closed by it (whenever the flip ran). */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  /** The moderator's reason, shown to the buyer only. */
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason: string | null;
  @Column({ name: 'cancellation_reason', type: 'text', nullable: true }) cancellationReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'text', default: NeedVisibility.PUBLIC }) visibility: NeedVisibility;
  /**
   * Suppliers invited to bid (a reorder invites its contract's supplier), told when the need opens;
   * of an INVITED need, the only ones who read it. The list is shown to the buyer only.
   */
  @Column({ name: 'invited_supplier_ids', type: 'uuid', array: true, default: () => "'{}'" }) invitedSupplierIds: string[];
}
