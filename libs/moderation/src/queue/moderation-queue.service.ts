import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Lang } from '@lienket/graphql';
import { findProvince } from '@lienket/reference-data';
import { ModerationItem, ModerationSubject } from '../moderation.types';
import { PendingNeed } from './procurement-needs.client';

interface Row {
  subject: ModerationSubject;
  id: string;
  name: string;
  detail: string;
  province_code: string;
  submitted_at: Date;
  reports: number;
}

const KIND: Record<string, Record<Lang, string>> = {
  COOPERATIVE: { vi: 'Hợp tác xã', en: 'Cooperative' },
  ENTERPRISE: { vi: 'Doanh nghiệp', en: 'Enterprise' },
};

/**
 * Everything waiting for a moderator — organizations to verify, listings to review — in one list,
 * oldest first, keyset-paginated over (submitted at, id), with how often each was reported.
 */
@Injectable()
export class ModerationQueueService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async page(subject: ModerationSubject | null, limit: number, after: [string, string] | null, lang: Lang): Promise<ModerationItem[]> {
    const rows = await this.ds.query<Row[]>(
      `SELECT * FROM (
         SELECT 'ORGANIZATION' AS subject, o.id, o.name, 'MST ' || o.tax_code || '|' || o.kind AS detail, o.province_code, o.created_at AS submitted_at
           FROM catalog.organizations o WHERE o.verification = 'PENDING_VERIFICATION'
         UNION ALL
         SELECT 'PRODUCT', p.id, p.name, o.name, o.province_code, p.submitted_at
           FROM catalog.products p JOIN catalog.organizations o ON o.id = p.organization_id
          WHERE p.status = 'PENDING_REVIEW'
       ) q
       CROSS JOIN LATERAL (SELECT count(*)::int AS reports FROM catalog.reports r WHERE r.subject = q.subject AND r.subject_id = q.id) r
       WHERE ($1::text IS NULL OR q.subject = $1)
         AND ($2::timestamptz IS NULL OR (q.submitted_at, q.id) > ($2::timestamptz, $3::uuid))
       ORDER BY q.submitted_at, q.id
       LIMIT $4`,
      [subject, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return rows.map((r) => ({
      id: `${r.subject}:${r.id}`,
      subject: r.subject,
      subjectId: r.id,
      summary: summary(r, lang),
      submittedAt: r.submitted_at,
      reports: r.reports,
    }));
  }

  /** Procurement's pending needs as queue items, with how often each was reported here. */
  async needItems(needs: PendingNeed[], lang: Lang): Promise<ModerationItem[]> {
    if (!needs.length) return [];
    const counts = await this.ds.query<{ id: string; reports: number }[]>(
      `SELECT subject_id::text AS id, count(*)::int AS reports FROM catalog.reports WHERE subject = 'NEED' AND subject_id = ANY($1::uuid[]) GROUP BY subject_id`,
      [needs.map((n) => n.id)],
    );
    const reports = new Map(counts.map((c) => [c.id, c.reports]));
    return needs.map((n) => ({
      id: `${ModerationSubject.NEED}:${n.id}`,
      subject: ModerationSubject.NEED,
      subjectId: n.id,
      summary: [n.title, n.buyerName, findProvince(n.provinceCode)?.[lang === 'en' ? 'nameEn' : 'name']].filter(Boolean).join(' — '),
      submittedAt: new Date(n.submittedAt),
      reports: reports.get(n.id) ?? 0,
    }));
  }
}

function summary(r: Row, lang: Lang): string {
  const province = findProvince(r.province_code)?.[lang === 'en' ? 'nameEn' : 'name'] ?? r.province_code;
  if (r.subject === ModerationSubject.PRODUCT) return [r.name, r.detail, province].join(' — ');
  const [taxCode, kind] = r.detail.split('|');
  return [r.name, taxCode, KIND[kind]?.[lang] ?? kind, province].join(' — ');
}
