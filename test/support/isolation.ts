import { Job, Queue } from 'bullmq';
import { EVENTS_QUEUE, PROCUREMENT_QUEUE, redisConnection } from '@lienket/queue';
import { rows } from './e2e';
import { waitFor } from './wait';

// What an organization owns or is concerned by, everywhere the stack writes: its row, listings,
// photos, documents, invitations, people and their sessions, audit entries, reports, needs, the
// events written about it (either outbox), and the notifications and e-mails sent to its people.
// Isolation tests compare it before and after every call — refused or not — for each organization
// the call had no business changing.

/** Ids by which rows and events refer to the organization (events carry user and invitation ids). */
const IDS = `
  SELECT $1::uuid::text AS id
  UNION SELECT id::text FROM catalog.users WHERE organization_id = $1::uuid
  UNION SELECT id::text FROM catalog.invitations WHERE organization_id = $1::uuid
  UNION SELECT id::text FROM catalog.products WHERE organization_id = $1::uuid`;

/** The organization's whole footprint as one text; equal texts mean nothing it owns was touched. */
export async function footprint(orgId: string): Promise<string> {
  const [r] = await rows<{ f: string }>(
    `WITH ids AS (${IDS}),
          people AS (SELECT id, email FROM catalog.users WHERE organization_id = $1)
     SELECT json_build_object(
       'organization', (SELECT row_to_json(o) FROM catalog.organizations o WHERE id = $1),
       'products', (SELECT json_agg(p ORDER BY p.id) FROM catalog.products p WHERE organization_id = $1),
       'photos', (SELECT json_agg(ph ORDER BY ph.id) FROM catalog.product_photos ph WHERE organization_id = $1),
       'documents', (SELECT json_agg(d ORDER BY d.id) FROM catalog.documents d WHERE organization_id = $1),
       'invitations', (SELECT json_agg(i ORDER BY i.id) FROM catalog.invitations i WHERE organization_id = $1),
       'users', (SELECT json_agg(u ORDER BY u.id) FROM catalog.users u WHERE organization_id = $1),
       'sessions', (SELECT json_agg(json_build_object('id', t.id, 'used', t.used_at, 'revoked', t.revoked_at) ORDER BY t.id)
                      FROM catalog.refresh_tokens t WHERE t.user_id IN (SELECT id FROM people)),
       'audit', (SELECT json_agg(json_build_object('id', a.id, 'action', a.action) ORDER BY a.id) FROM catalog.audit_log a WHERE a.subject_id IN (SELECT id FROM ids)),
       'reports', (SELECT json_agg(r ORDER BY r.id) FROM catalog.reports r WHERE r.subject_id::text IN (SELECT id FROM ids)),
       'needs', (SELECT json_agg(n ORDER BY n.id) FROM procurement.needs n WHERE n.buyer_org_id = $1),
       'bids', (SELECT json_agg(json_build_object('bid', b, 'revisions', (SELECT count(*) FROM procurement.bid_revisions r WHERE r.bid_id = b.id)) ORDER BY b.id)
                  FROM procurement.bids b WHERE b.supplier_org_id = $1),
       'procurementOrganization', (SELECT row_to_json(po) FROM procurement.organizations po WHERE id = $1),
       -- published_at is left out: the relay sets it on its own schedule.
       'outbox', (SELECT json_agg(json_build_object('s', s, 'id', e.id, 'type', e.event_type, 'payload', e.payload) ORDER BY s, e.id)
                    FROM (SELECT 'catalog' AS s, * FROM catalog.outbox UNION ALL SELECT 'procurement', * FROM procurement.outbox) e
                   WHERE EXISTS (SELECT 1 FROM ids WHERE strpos(e.payload::text, ids.id) > 0)),
       'notifications', (SELECT json_agg(json_build_object('id', n.id, 'kind', n.kind, 'read', r.read_at) ORDER BY n.id)
                           FROM matching.notifications n LEFT JOIN procurement.notification_reads r ON r.notification_id = n.id
                          WHERE n.user_id IN (SELECT id FROM people)),
       'emails', (SELECT json_agg(m ORDER BY m.dedupe_key) FROM matching.sent_emails m
                   WHERE m.recipient IN (SELECT email FROM people UNION SELECT email FROM catalog.invitations WHERE organization_id = $1))
     )::text AS f`,
    [orgId],
  );
  return r.f;
}

/**
 * Waits until nothing about these organizations is still on its way: no unpublished outbox row and
 * no waiting, active or retrying job names them. A footprint taken then includes what the worker
 * does after a call (notifications, e-mails), so a call's late side effects count as its own.
 */
export async function settled(orgIds: string[]): Promise<void> {
  const connection = redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0');
  const queues = [EVENTS_QUEUE, PROCUREMENT_QUEUE].map((name) => new Queue(name, { connection, prefix: process.env.E2E_PREFIX }));
  try {
    await waitFor(`events about ${orgIds.join(', ')} to settle`, async () => {
      const ids = (await rows<{ id: string }>(`SELECT DISTINCT id FROM (${orgIds.map((_, i) => IDS.replaceAll('$1', `$${i + 1}`)).join(' UNION ')}) x`, orgIds)).map((r) => r.id);
      const [{ n }] = await rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT payload FROM catalog.outbox WHERE published_at IS NULL
                                         UNION ALL SELECT payload FROM procurement.outbox WHERE published_at IS NULL) e
          WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) id WHERE strpos(e.payload::text, id) > 0)`,
        [ids],
      );
      if (n > 0) return `${n} outbox rows about them are not published yet`;
      // Not 'delayed' in procurement's queue: a need's deadline job waits there for days by design.
      const pending: Job[] = (
        await Promise.all(queues.map((q) => q.getJobs(q.name === EVENTS_QUEUE ? ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] : ['waiting', 'active', 'prioritized'])))
      ).flat();
      const theirs = pending.filter((j) => ids.some((id) => JSON.stringify(j.data).includes(id)));
      return theirs.length ? `jobs still pending: ${theirs.map((j) => `${j.name} ${j.id}`).join(', ')}` : true;
    });
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}
