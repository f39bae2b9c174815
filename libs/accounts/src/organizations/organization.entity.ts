import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum OrganizationKind {
  COOPERATIVE = 'COOPERATIVE',
  ENTERPRISE = 'ENTERPRISE',
}
export enum VerificationStatus {
  PENDING_VERIFICATION = 'PENDING_VERIFICATION',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}

@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) kind: OrganizationKind;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'tax_code', type: 'text' }) taxCode: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ name: 'member_count', type: 'int', nullable: true }) memberCount: number | null;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'ward_code', type: 'text', nullable: true }) wardCode: string | null;
  @Column({ name: 'founded_year', type: 'int', nullable: true }) foundedYear: number | null;
  @Column({ type: 'text', default: VerificationStatus.PENDING_VERIFICATION }) verification: VerificationStatus;
  @Column({ name: 'verification_note', type: 'text', nullable: true }) verificationNote: string | null;
  /** Set by an admin: this buyer's needs open without review (procurement learns it by event). */
  @Column({ name: 'trusted_buyer', type: 'boolean', default: false }) trustedBuyer: boolean;
  @Column({ name: 'logo_id', type: 'uuid', nullable: true }) logoId: string | null;
  @Column({ name: 'logo_key', type: 'text', nullable: true }) logoKey: string | null;
  @Column({ name: 'logo_content_type', type: 'text', nullable: true }) logoContentType: string | null;
  /** WebP, for lists and cards; null for a logo stored before thumbnails existed. */
  @Column({ name: 'logo_thumbnail_key', type: 'text', nullable: true }) logoThumbnailKey: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
