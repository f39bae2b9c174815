import { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificationExpiry1763802200000 implements MigrationInterface {
  name = 'CertificationExpiry1763802200000';

  async up(q: QueryRunner): Promise<void> {
    // One row per certification and expiry date whose owners were told: the daily scan skips these,
    // and a second scan running at the same time waits on the key and then finds it taken.
    await q.query(`
      CREATE TABLE matching.certification_expiry_notices (
        product_id uuid NOT NULL,
        kind text NOT NULL,
        valid_until date NOT NULL,
        organization_id uuid NOT NULL,
        recipients integer NOT NULL,
        notified_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (product_id, kind, valid_until)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matching.certification_expiry_notices`);
  }
}
