import { adminToken, api, approvedListing } from '../support/e2e';
import { productInput } from '../support/products';
import { Party, verifiedCooperativeIn } from '../support/bids';
import { buyer, DECIDE, submittedNeed } from '../support/needs';
import { eventually } from '../support/wait';

// Issue 11's thinnest path: a need opened by an admin's approval is ranked by the matcher from its
// read model (fed by catalog's and procurement's events) and the buyer reads the ranking, with
// reasons in its language, through the gateway; the nearby cooperative above the distant one.

jest.setTimeout(180_000);

type Matches = { edges: { node: { supplier: { id: string; name: string }; score: number; coverage: number; reasons: { code: string; message: string; weight: number }[] } }[]; totalCount: number };
const MATCHES = `query M($id: ID!) { need(id: $id) { id matches(first: 20) { totalCount edges { node { supplier { id name } score coverage reasons { code message weight } } } } } }`;
const matchesOf = async (id: string, token: string, lang: 'vi' | 'en' = 'vi') => {
  const r = await api<{ need: { matches: Matches } }>(MATCHES, { id }, { token, lang });
  expect(r.errors).toBeUndefined();
  return r.data!.need.matches;
};

describe('matches of an opened need', () => {
  let company: { token: string; orgId: string };
  let near: Party;
  let far: Party;
  let needId: string;
  beforeAll(async () => {
    company = await buyer({ verified: true, name: 'Công ty CP Rang xay Cà phê Sài Gòn' });
    near = await verifiedCooperativeIn('HTX Cà phê Xuân Lộc', '75');
    far = await verifiedCooperativeIn('HTX Cà phê Ba Vì', '01');
    for (const c of [near, far]) await approvedListing(c.token, productInput({ name: `Cà phê Robusta ${c.name}`, monthlyCapacity: '40' }));
    ({ id: needId } = await submittedNeed(company.token, { title: 'Cà phê Robusta cho xưởng rang', quantity: '30' }));
    const approved = await api(DECIDE, { id: needId, decision: 'APPROVE' }, { token: await adminToken() });
    expect(approved.errors).toBeUndefined();
  });

  it('ranks the nearby cooperative above the distant one, with reasons, for the buyer', async () => {
    // Ranked when the need opened, and again as the cooperatives' listings reach the matcher.
    const m = await eventually(
      () => matchesOf(needId, company.token),
      (x) => {
        const ids = x.edges.map((e) => e.node.supplier.id);
        expect(ids).toEqual(expect.arrayContaining([near.orgId, far.orgId]));
      },
    );
    const ids = m.edges.map((e) => e.node.supplier.id);
    expect(ids.indexOf(near.orgId)).toBeLessThan(ids.indexOf(far.orgId));
    const first = m.edges.find((e) => e.node.supplier.id === near.orgId)!.node;
    expect(first.supplier.name).toBe('HTX Cà phê Xuân Lộc');
    expect(first.score).toBeGreaterThan(0);
    expect(first.score).toBeLessThanOrEqual(1);
    expect(first.coverage).toBeGreaterThan(0);
    expect(first.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['CATEGORY', 'DISTANCE']));
    expect(first.reasons.find((r) => r.code === 'DISTANCE')!.message).toMatch(/km/);
  });

  it('speaks English when asked', async () => {
    const m = await matchesOf(needId, company.token, 'en');
    const reasons = m.edges.find((e) => e.node.supplier.id === near.orgId)!.node.reasons;
    const vi = (await matchesOf(needId, company.token, 'vi')).edges.find((e) => e.node.supplier.id === near.orgId)!.node.reasons;
    expect(reasons.map((r) => r.code)).toEqual(vi.map((r) => r.code));
    expect(reasons.map((r) => r.message)).not.toEqual(vi.map((r) => r.message));
  });

  it('shows no one else whom the buyer should ask: a cooperative reads none', async () => {
    const m = await matchesOf(needId, near.token);
    expect(m).toEqual({ totalCount: 0, edges: [] });
  });
});
