import { MigrationInterface, QueryRunner } from 'typeorm';

export class VerificationNote1763800500000 implements MigrationInterface {
  name = 'VerificationNote1763800500000';

  async up(q: QueryRunner): Promise<void> {
    // Why a moderator rejected or suspended the organization, shown to its members.
    await q.query(`ALTER TABLE catalog.organizations ADD COLUMN verification_note text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE catalog.organizations DROP COLUMN verification_note`);
  }
}
