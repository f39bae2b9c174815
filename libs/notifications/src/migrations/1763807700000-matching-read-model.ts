import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRole } from '@lienket/database';

/**
 * The matcher's read model (issue 11, decision 141): what it knows of suppliers, their approved
 * listings and open needs, each row only from events (`organization.changed`, `listing.changed`,
 * `need.opened`), with the event's version so a late or repeated event never rolls a row back; and
 * the ranked matches it stores per need. Procurement serves `ProcurementNeed.matches` and may read
 * the matches, nothing else of this schema.
 */
export class MatchingReadModel1763807700000 implements MigrationInterface {
  name = 'MatchingReadModel1763807700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE matching.suppliers (
        organization_id uuid PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        verification text NOT NULL,
        province_code text,
        version bigint NOT NULL
      );
      CREATE TABLE matching.offers (
        listing_id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('APPROVED', 'ARCHIVED')),
        category_code text NOT NULL,
        unit_code text NOT NULL,
        monthly_capacity numeric NOT NULL,
        harvest_months smallint[] NOT NULL,
        certifications jsonb NOT NULL,
        price_min numeric,
        price_max numeric,
        price_unit_code text,
        version bigint NOT NULL
      );
      CREATE INDEX offers_heading ON matching.offers (left(category_code, 4)) WHERE status = 'APPROVED';
      CREATE TABLE matching.needs (
        need_id uuid PRIMARY KEY,
        buyer_org_id uuid NOT NULL,
        spec jsonb NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        matched_at timestamptz
      );
      CREATE TABLE matching.matches (
        need_id uuid NOT NULL REFERENCES matching.needs (need_id),
        organization_id uuid NOT NULL,
        listing_id uuid NOT NULL,
        rank int NOT NULL,
        score double precision NOT NULL,
        coverage double precision NOT NULL,
        reasons jsonb NOT NULL,
        PRIMARY KEY (need_id, organization_id)
      );
      CREATE INDEX matches_rank ON matching.matches (need_id, rank);
      GRANT USAGE ON SCHEMA matching TO ${serviceRole('procurement')};
      GRANT SELECT ON matching.matches, matching.needs TO ${serviceRole('procurement')};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      REVOKE ALL ON matching.matches, matching.needs FROM ${serviceRole('procurement')};
      DROP TABLE matching.matches, matching.needs, matching.offers, matching.suppliers;`);
  }
}
