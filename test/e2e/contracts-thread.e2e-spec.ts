import { Client } from 'pg';
import { api, e2eDatabaseUrl, rows } from '../support/e2e';
import { activeContract } from '../support/contracts';
import { verifiedBuyer, verifiedCooperative } from '../support/bids';
import { eventually } from '../support/wait';

// The web thread asks for messages after the last one it holds. That is complete only if messages
// commit in the order of their times: a message whose time was taken before another's but which
// committed after it would never be fetched. Here another sender holds the contract's thread (as a
// sending transaction does) while a party sends through the gateway: the send waits, and its time
// comes after the held message's.

jest.setTimeout(120_000);

const SEND = `mutation M($id: ID!, $body: String!) { sendContractMessage(contractId: $id, body: $body) { id createdAt } }`;
const AFTER = `query M($id: ID!, $after: String) { contractMessages(contractId: $id, after: $after) { id body } }`;

it('a message sent while another is being written waits for it and comes after it in the thread', async () => {
  const buyer = await verifiedBuyer('Công ty TNHH Gạo Xuất khẩu Cửu Long');
  const supplier = await verifiedCooperative('HTX Lúa gạo Phú Tân');
  const { id } = await activeContract(buyer, supplier, '3');
  const held = new Client({ connectionString: e2eDatabaseUrl() });
  await held.connect();
  try {
    await held.query('BEGIN');
    await held.query(`SELECT 1 FROM procurement.contracts WHERE id = $1 FOR NO KEY UPDATE`, [id]);
    const [{ id: heldId }] = (
      await held.query<{ id: string }>(
        `INSERT INTO procurement.contract_messages (contract_id, sender_org_id, sender_id, body, created_at) VALUES ($1, $2, gen_random_uuid(), 'Xe tới kho lúc 7 giờ', clock_timestamp()) RETURNING id`,
        [id, supplier.orgId],
      )
    ).rows;
    const sending = api<{ sendContractMessage: { id: string; createdAt: string } }>(SEND, { id, body: 'Đã rõ, chúng tôi chờ ở cổng số 2' }, { token: buyer.token });
    await eventually(
      () => rows<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE OF c%'`),
      (r) => expect(r[0].n).toBe(1),
    );
    await held.query('COMMIT');
    const sent = await sending;
    expect(sent.errors).toBeUndefined();
    const [{ created_at: heldAt }] = await rows<{ created_at: Date }>(`SELECT created_at FROM procurement.contract_messages WHERE id = $1`, [heldId]);
    expect(new Date(sent.data!.sendContractMessage.createdAt).getTime()).toBeGreaterThan(heldAt.getTime());
    // A reader who had the held message asks for what follows it, and gets the new one.
    const after = await api<{ contractMessages: { id: string; body: string }[] }>(AFTER, { id, after: heldId }, { token: supplier.token });
    expect(after.data!.contractMessages).toEqual([{ id: sent.data!.sendContractMessage.id, body: 'Đã rõ, chúng tôi chờ ở cổng số 2' }]);
  } finally {
    await held.end();
  }
});
