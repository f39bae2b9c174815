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
 * An event's identity, generated at insert: the row id orders events, but a restored database
 * hands out row ids again, and a job id derived from them would collide with the jobs of events
 * published before the restore (BullMQ then drops the new event as already done). A random uuid
 * never repeats (decision 56). Existing rows get one each.
 */
export const outboxEventIdSql = (schema: ServiceSchema) => `
  ALTER TABLE "${schema}".outbox ADD COLUMN event_id uuid NOT NULL DEFAULT gen_random_uuid();
  CREATE UNIQUE INDEX outbox_event_id ON "${schema}".outbox (event_id);`;
