import { MigrationInterface, QueryRunner } from 'typeorm';
import { revokeServiceRoleSql, serviceRoleSql } from '@lienket/database';

/** The catalog service's own login role and its grants (decision 58). */
export class CatalogServiceRole1763805800000 implements MigrationInterface {
  name = 'CatalogServiceRole1763805800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(serviceRoleSql('catalog'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(revokeServiceRoleSql('catalog'));
  }
}
