import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { OrganizationEntity, VerificationStatus } from '@lienket/accounts';
import { AuthUser, requirePlatformStaff } from '@lienket/auth';
import { badInput } from '@lienket/graphql';
import { ListingStatus } from '@lienket/products';
import { normalizeTaxCode } from '@lienket/reference-data';
import { ModerationSubject } from '../moderation.types';
import { ProcurementNeedsClient } from '../queue/procurement-needs.client';
import { ModerationCount } from './desk.types';

export const SEARCH_MAX_LENGTH = 100;
const DUPLICATES_SHOWN = 20;

/** Digits of a phone as people write it ("+84 912.345.678", "0912 345 678"), national form; null when too short to mean anything. */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '').replace(/^84(?=\d{9,10}$)/, '0');
  return digits.length >= 8 ? digits : null;
}
/** The same key in SQL; keep it identical to phoneKey. */
const PHONE_KEY_SQL = (col: string) => `regexp_replace(regexp_replace(coalesce(${col}, ''), '\\D', '', 'g'), '^84(?=\\d{9,10}$)', '0')`;

/** Whether the tax code passes the mã số thuế checksum (10 digits with a check digit, optionally a branch suffix). */
export const taxCodeValid = (taxCode: string): boolean => normalizeTaxCode(taxCode) !== null;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface StaffSearchRow {
  organization: OrganizationEntity;
  key: string;
}

/**
 * What the verification desk shows beside an organization, and how staff find one: search by name
 * (diacritics and case ignored) or tax code, the queue counts per subject and state, and the other
 * organizations that share its tax code or phone. Staff only, checked here, not only in guards.
 */
@Injectable()
export class VerificationDeskService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly needs: ProcurementNeedsClient,
  ) {}

  async search(staff: AuthUser, rawText: string | null, status: VerificationStatus | null, limit: number, after: [string, string] | null): Promise<StaffSearchRow[]> {
    requirePlatformStaff(staff);
    const text = rawText?.trim().replace(/\s+/g, ' ') || null;
    if (text && text.length > SEARCH_MAX_LENGTH) throw badInput('search', 'tooLong', { max: SEARCH_MAX_LENGTH });
    // A tax code is typed with or without the branch dash, maybe with spaces: match its digits as a prefix.
    const digits = text && /^[\d\s-]+$/.test(text) ? text.replace(/\D/g, '') : null;
    const rows = await this.ds.query<{ id: string; key: string }[]>(
      `SELECT o.id, catalog.f_unaccent(o.name) AS key FROM catalog.organizations o
        WHERE ($1::text IS NULL OR catalog.f_unaccent(o.name) LIKE '%' || catalog.f_unaccent($1) || '%'
               OR ($2::text <> '' AND replace(o.tax_code, '-', '') LIKE $2 || '%'))
          AND ($3::text IS NULL OR o.verification = $3)
          AND ($4::text IS NULL OR (catalog.f_unaccent(o.name), o.id) > ($4::text, $5::uuid))
        ORDER BY catalog.f_unaccent(o.name), o.id
        LIMIT $6`,
      [text ? likeEscape(text) : null, digits ?? '', status, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    const entities = await this.entities(rows.map((r) => r.id));
    return rows.flatMap((r) => (entities.has(r.id) ? [{ organization: entities.get(r.id)!, key: r.key }] : []));
  }

  /** Every subject kind in every state, zeros included, so the console shows a stable set of counts. */
  async counts(staff: AuthUser): Promise<ModerationCount[]> {
    requirePlatformStaff(staff);
    const rows = await this.ds.query<{ subject: ModerationSubject; state: string; count: number }[]>(
      `SELECT 'ORGANIZATION' AS subject, verification AS state, count(*)::int AS count FROM catalog.organizations GROUP BY verification
       UNION ALL
       SELECT 'PRODUCT', status, count(*)::int FROM catalog.products GROUP BY status`,
    );
    const found = new Map(rows.map((r) => [`${r.subject}:${r.state}`, r.count]));
    // Needs are procurement's; the console counts only those waiting for review.
    found.set(`${ModerationSubject.NEED}:PENDING_REVIEW`, (await this.needs.pending(staff, 1, null)).total);
    const all: [ModerationSubject, string[]][] = [
      [ModerationSubject.ORGANIZATION, Object.values(VerificationStatus)],
      [ModerationSubject.PRODUCT, Object.values(ListingStatus)],
      [ModerationSubject.NEED, ['PENDING_REVIEW']],
    ];
    return all.flatMap(([subject, states]) => states.map((state) => ({ subject, state, count: found.get(`${subject}:${state}`) ?? 0 })));
  }

  /**
   * Other organizations with the same 10-digit tax code (a head office and its branches share it)
   * or the same phone, oldest first. Unindexed on purpose: one desk view scans organizations once
   * (tens of thousands of rows at most), cheaper than an expression index every write maintains.
   */
  async duplicates(org: { id: string; taxCode: string; phone: string | null }): Promise<{ organization: OrganizationEntity; sameTaxCode: boolean; samePhone: boolean }[]> {
    const base = org.taxCode.split('-')[0];
    const phone = phoneKey(org.phone);
    const rows = await this.ds.query<{ id: string; same_tax: boolean; same_phone: boolean }[]>(
      `SELECT o.id, split_part(o.tax_code, '-', 1) = $2 AS same_tax, coalesce(${PHONE_KEY_SQL('o.phone')} = $3, false) AS same_phone
         FROM catalog.organizations o
        WHERE o.id <> $1 AND (split_part(o.tax_code, '-', 1) = $2 OR ($3::text IS NOT NULL AND ${PHONE_KEY_SQL('o.phone')} = $3))
        ORDER BY o.created_at, o.id
        LIMIT ${DUPLICATES_SHOWN}`,
      [org.id, base, phone],
    );
    const entities = await this.entities(rows.map((r) => r.id));
    return rows.flatMap((r) => (entities.has(r.id) ? [{ organization: entities.get(r.id)!, sameTaxCode: r.same_tax, samePhone: r.same_phone }] : []));
  }

  private async entities(ids: string[]): Promise<Map<string, OrganizationEntity>> {
    if (ids.length === 0) return new Map();
    const found = await this.ds.getRepository(OrganizationEntity).findBy({ id: In(ids) });
    return new Map(found.map((o) => [o.id, o]));
  }
}
