import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser, isPlatformStaff } from '@lienket/auth';
import { badInput, decodeCursor } from '@lienket/graphql';

/** A stored reason: its sentence in both languages (the matcher writes them). */
export interface StoredReason {
  code: string;
  weight: number;
  vi: string;
  en: string;
}
export interface MatchRow {
  organization_id: string;
  rank: number;
  score: number;
  coverage: number;
  reasons: StoredReason[];
}

/**
 * The matcher's ranked suppliers of a need (matching.matches, the one table of its schema
 * procurement may read, decision 141): to the buyer's organization and platform staff only; anyone
 * else reads none — the need itself may be public, whom the buyer should ask is not.
 */
@Injectable()
export class MatchReadService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async forNeed(viewer: AuthUser | null, need: { id: string; buyerOrgId: string }, limit: number, after?: string | null): Promise<{ rows: MatchRow[]; total: number }> {
    const cursor = decodeCursor(after, 1);
    if (after && !(cursor && Number.isInteger(Number(cursor[0])))) throw badInput('after', 'invalidCursor');
    if (!(viewer?.organizationId === need.buyerOrgId || isPlatformStaff(viewer))) return { rows: [], total: 0 };
    const rows = await this.ds.query<MatchRow[]>(
      `SELECT organization_id, rank, score, coverage, reasons FROM matching.matches
        WHERE need_id = $1 AND rank > $2 ORDER BY rank LIMIT $3`,
      [need.id, cursor ? Number(cursor[0]) : 0, limit + 1],
    );
    const [{ n }] = await this.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM matching.matches WHERE need_id = $1`, [need.id]);
    return { rows, total: n };
  }
}
