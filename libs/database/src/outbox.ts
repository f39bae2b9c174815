import { EntityManager } from 'typeorm';
import { ServiceSchema } from './data-source';

export const OUTBOX_CHANNEL = 'lienket_outbox';

/** SQL for a service's outbox table; each service's first migration creates its own. */
export const outboxTableSql = (schema: ServiceSchema) => `
  CREATE TABLE "${schema}".outbox (
    id bigserial PRIMARY KEY,
    event_type text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
  );
  CREATE INDEX outbox_unpublished ON "${schema}".outbox (id) WHERE published_at IS NULL;`;

/**
 * Records a domain event in the same transaction as the change it describes; the relay publishes
 * it after commit. NOTIFY is transactional too, so the relay wakes only once the row is visible.
 */
export async function writeOutbox(
  manager: EntityManager,
  schema: ServiceSchema,
  eventType: string,
  payload: object,
): Promise<void> {
  await manager.query(`INSERT INTO "${schema}".outbox (event_type, payload) VALUES ($1, $2)`, [eventType, JSON.stringify(payload)]);
  await manager.query(`SELECT pg_notify($1, $2)`, [OUTBOX_CHANNEL, schema]);
}
