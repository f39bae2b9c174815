import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum ListingStatus {
  DRAFT = 'DRAFT',
  PENDING_REVIEW = 'PENDING_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  ARCHIVED = 'ARCHIVED',
}

/** The certifications a listing may claim (DESIGN.md, reference data). */
export const CERTIFICATION_KINDS = [
  'VietGAP',
  'GlobalGAP',
  'ORGANIC_TCVN',
  'ORGANIC_USDA',
  'ORGANIC_EU',
  'OCOP_3',
  'OCOP_4',
  'OCOP_5',
] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

export interface CertificationData {
  kind: CertificationKind;
  issuer: string | null;
  /** YYYY-MM-DD; null when the certificate does not expire. */
  validUntil: string | null;
}

/** What a listing says; decimals are trimmed strings ("12.5", never "12.500"). */
export interface ProductVersion {
  name: string;
  description: string | null;
  categoryCode: string;
  unitCode: string;
  monthlyCapacity: string;
  minOrderQuantity: string | null;
  /**
   * What priceMin/priceMax are per: Vietnamese sellers count output in tấn but quote per kg.
   * Snapshots approved before prices had their own unit lack it and mean `unitCode`.
   */
  priceUnitCode?: string;
  priceMin: string | null;
  priceMax: string | null;
  harvestMonths: number[];
  certifications: CertificationData[];
}

/** The last approved version: what the public sees and search finds until a newer one is approved. */
export interface ProductSnapshot extends ProductVersion {
  /** Capacity in the unit's base unit (kg, l, piece), so capacity filters compare like with like. */
  monthlyCapacityBase: string;
  approvedAt: string;
}

@Entity({ name: 'products' })
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ name: 'category_code', type: 'text' }) categoryCode: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  /** numeric: read back as an exact decimal string. */
  @Column({ name: 'monthly_capacity', type: 'numeric' }) monthlyCapacity: string;
  @Column({ name: 'min_order_quantity', type: 'numeric', nullable: true }) minOrderQuantity:
    string | null;
  /** Null in rows written without it (bulk loaders): per `unitCode`. */
  @Column({ name: 'price_unit_code', type: 'text', nullable: true }) priceUnitCode: string | null;
  @Column({ name: 'price_min', type: 'numeric', nullable: true }) priceMin: string | null;
  @Column({ name: 'price_max', type: 'numeric', nullable: true }) priceMax: string | null;
  @Column({ type: 'text', default: 'VND' }) currency: string;
  @Column({ name: 'harvest_months', type: 'smallint', array: true, default: () => "'{}'" })
  harvestMonths: number[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) certifications: CertificationData[];
  @Column({ type: 'text', default: ListingStatus.DRAFT }) status: ListingStatus;
  @Column({ name: 'moderation_note', type: 'text', nullable: true }) moderationNote: string | null;
  @Column({ type: 'jsonb', nullable: true }) approved: ProductSnapshot | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
