import { MigrationInterface, QueryRunner } from 'typeorm';
import { revokeServiceRoleSql, serviceRoleSql } from '@lienket/database';

/** The procurement service's own login role and its grants (decision 58). */
export class ProcurementServiceRole1763805800000 implements MigrationInterface {
  name = 'ProcurementServiceRole1763805800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(serviceRoleSql('procurement'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(revokeServiceRoleSql('procurement'));
  }
}
