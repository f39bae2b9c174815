import { EntityManager } from 'typeorm';
import { OUTBOX_CHANNEL, ServiceSchema } from '@lienket/database';
import { EventName, JobPayloads } from './contracts';

/**
 * Records a domain event in the same transaction as the change it describes; the relay publishes
 * it after commit. NOTIFY is transactional too, so the relay wakes only once the row is visible.
 * Typed by the queue contract: an event type the worker has no handler for does not compile.
 */
export async function writeOutbox<N extends EventName>(
  manager: EntityManager,
  schema: ServiceSchema,
  eventType: N,
  payload: JobPayloads[N],
): Promise<void> {
  await manager.query(`INSERT INTO "${schema}".outbox (event_type, payload) VALUES ($1, $2)`, [eventType, JSON.stringify(payload)]);
  await manager.query(`SELECT pg_notify($1, $2)`, [OUTBOX_CHANNEL, schema]);
}
