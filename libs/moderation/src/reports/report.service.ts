import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '@lienket/auth';
import { z } from 'zod';
import { isUuid, notFound, text, validateInput } from '@lienket/graphql';
import { ModerationSubject } from '../moderation.types';

const reportSchema = z.object({ reason: text(1000) });

/** Anyone signed in may flag an organization or a listing; the count shows in the moderation queue. */
@Injectable()
export class ReportService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async report(user: AuthUser, subject: ModerationSubject, subjectId: string, rawReason: string): Promise<boolean> {
    const { reason } = validateInput(reportSchema, { reason: rawReason });
    if (!isUuid(subjectId) || !(await this.exists(subject, subjectId))) throw notFound();
    // Reporting the same thing twice keeps the first report (one voice per person).
    await this.ds.query(
      `INSERT INTO catalog.reports (subject, subject_id, reporter_id, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subject, subject_id, reporter_id) DO NOTHING`,
      [subject, subjectId, user.id, reason],
    );
    return true;
  }

  private async exists(subject: ModerationSubject, id: string): Promise<boolean> {
    // Only what the reporter can see publicly: verified organizations and their public listings.
    const sql: Partial<Record<ModerationSubject, string>> = {
      ORGANIZATION: `SELECT 1 FROM catalog.organizations WHERE id = $1 AND verification = 'VERIFIED'`,
      PRODUCT: `SELECT 1 FROM catalog.public_listings WHERE id = $1`,
    };
    if (!sql[subject]) return false;
    const rows: unknown[] = await this.ds.query(sql[subject], [id]);
    return rows.length > 0;
  }
}
