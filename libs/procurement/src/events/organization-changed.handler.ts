import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { HandlesJob, JobHandler, JobPayloads } from '@lienket/queue';

/** What procurement knows of an organization: catalog's facts as of its latest event. */
export interface OrganizationFacts {
  kind: JobPayloads['organization.changed']['kind'];
  verification: JobPayloads['organization.changed']['verification'];
  trustedBuyer: boolean;
}

/**
 * Keeps `procurement.organizations` as catalog last said: an upsert that moves a row only to a
 * higher version, so a redelivered or overtaken event changes nothing (idempotent, order-tolerant).
 */
@Injectable()
@HandlesJob('organization.changed')
export class OrganizationChangedHandler implements JobHandler<'organization.changed'> {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async handle(p: JobPayloads['organization.changed']): Promise<void> {
    await this.ds.query(
      `INSERT INTO procurement.organizations AS o (id, kind, name, verification, trusted_buyer, version)
       VALUES ($1, $2, $3, $4, $5, $6::bigint)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, verification = EXCLUDED.verification,
              trusted_buyer = EXCLUDED.trusted_buyer, version = EXCLUDED.version, updated_at = now()
        WHERE o.version < EXCLUDED.version`,
      [p.organizationId, p.kind, p.name, p.verification, p.trustedBuyer, p.version],
    );
  }
}

/** The organization as procurement knows it now, or null before its first event arrived. */
export async function organizationFacts(em: EntityManager, id: string): Promise<OrganizationFacts | null> {
  const [row] = await em.query<{ kind: OrganizationFacts['kind']; verification: OrganizationFacts['verification']; trusted_buyer: boolean }[]>(
    `SELECT kind, verification, trusted_buyer FROM procurement.organizations WHERE id = $1`,
    [id],
  );
  return row ? { kind: row.kind, verification: row.verification, trustedBuyer: row.trusted_buyer } : null;
}
