import { rows } from './e2e';

export const inDays = (d: number) => new Date(Date.now() + d * 86400_000);
export const day = (d: number) => inDays(d).toISOString().slice(0, 10);

/** A valid need (VND price, delivery in 30–60 days, bids for 20), with `over` on top. */
export const needInput = (over: Record<string, unknown> = {}) => ({
  title: 'Cà phê Robusta nhân xô loại 1',
  categoryCode: '0901',
  quantity: '25.5',
  unitCode: 'TNE',
  targetUnitPrice: { amount: '125000000000', currency: 'VND' },
  deliveryProvinceCode: '79',
  deliveryFrom: day(30),
  deliveryTo: day(60),
  requiredCertifications: ['VietGAP', 'VietGAP'],
  bidDeadline: inDays(20).toISOString(),
  ...over,
});

/**
 * STANDS IN FOR MODERATION: opens a need by SQL, as a moderator's approval will once submitNeed
 * and the NEED moderation queue exist (issue 10); browser tests of the public pages need an OPEN
 * need before then. Replace its callers with submit + approve when those are served.
 * `deadlineInSeconds` moves the bid deadline that close (for a countdown that ends in the test).
 */
export async function openNeedBySql(id: string, o: { deadlineInSeconds?: number } = {}): Promise<void> {
  const opened = await rows<{ id: string }>(
    `UPDATE procurement.needs
        SET status = 'OPEN',
            bid_deadline = CASE WHEN $2::int IS NULL THEN bid_deadline ELSE now() + make_interval(secs => $2::int) END
      WHERE id = $1 AND status = 'DRAFT' RETURNING id`,
    [id, o.deadlineInSeconds ?? null],
  );
  if (opened.length !== 1) throw new Error(`need ${id} is not a draft to open`);
}
