import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationRole, PlatformRole } from '@lienket/auth';

export enum Locale {
  VI = 'VI',
  EN = 'EN',
}

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lower-cased; unique. */
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash: string;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column({ type: 'text', default: Locale.VI }) locale: Locale;
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId: string | null;
  @Column({ name: 'organization_role', type: 'text', nullable: true }) organizationRole: OrganizationRole | null;
  @Column({ name: 'platform_role', type: 'text', nullable: true }) platformRole: PlatformRole | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
