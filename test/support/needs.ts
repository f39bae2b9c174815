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
