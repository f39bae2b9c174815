import { adminToken, api } from '../support/e2e';
import { activeContract, bid, closeNow, CONTRACT_FIELDS } from '../support/contracts';
import { openNeed, Party, verifiedBuyer, verifiedCooperative } from '../support/bids';
import { procurementFacts } from '../support/needs';
import { eventually } from '../support/wait';

// A party suspended after it signed stays a party: the other side still reads the contract, its
// list of contracts and the bids it judged, with the suspended party named and marked as such —
// one suspended organization must not break a whole list for everyone who dealt with it. The
// directory and its profile page still hide it from the public (decision 139).

jest.setTimeout(180_000);

const PARTY = 'id name verification';
const suspend = async (org: Party) => {
  const r = await api(`mutation($id: ID!) { suspendOrganization(id: $id, reason: "Vi phạm điều khoản") { id } }`, { id: org.orgId }, { token: await adminToken() });
  expect(r.errors).toBeUndefined();
  await eventually(() => procurementFacts(org.orgId), (f) => expect(f?.verification).toBe('SUSPENDED'));
};

describe('after a party is suspended', () => {
  let buyer: Party;
  let supplier: Party;
  let other: Party;
  let contractId: string;
  let needId: string;
  beforeAll(async () => {
    buyer = await verifiedBuyer('Công ty CP Chế biến Cà phê Tây Nguyên');
    [supplier, other] = [await verifiedCooperative('HTX Cà phê Bị tạm ngừng'), await verifiedCooperative('HTX Cà phê Ea Kiết')];
    contractId = (await activeContract(buyer, supplier, '4')).id;
    needId = await openNeed(buyer.token, { allowPartial: true });
    await bid(supplier, needId, { quantity: '2' });
    await bid(other, needId, { quantity: '3' });
    await closeNow(buyer, needId);
    await suspend(supplier);
  });

  it('the buyer reads the contract and its list, the supplier named and marked SUSPENDED', async () => {
    const one = await api<{ contract: { supplier: unknown; buyer: unknown } }>(`query($id: ID!) { contract(id: $id) { ${CONTRACT_FIELDS} supplier { ${PARTY} } buyer { ${PARTY} } } }`, { id: contractId }, { token: buyer.token });
    expect(one.errors).toBeUndefined();
    expect(one.data!.contract.supplier).toMatchObject({ id: supplier.orgId, name: 'HTX Cà phê Bị tạm ngừng', verification: 'SUSPENDED' });
    const list = await api<{ myContracts: { id: string; supplier: { name: string } }[] }>(`query { myContracts(first: 50) { id supplier { ${PARTY} } buyer { ${PARTY} } } }`, {}, { token: buyer.token });
    expect(list.errors).toBeUndefined();
    expect(list.data!.myContracts.find((c) => c.id === contractId)?.supplier.name).toBe('HTX Cà phê Bị tạm ngừng');
  });

  it('the buyer compares every bid of the closed need, the suspended bidder’s included and named', async () => {
    const r = await api<{ need: { bids: { edges: { node: { supplier: { id: string; name: string; verification: string } } }[] } } }>(
      `query($id: ID!) { need(id: $id) { bids(first: 10) { edges { node { quantity supplier { ${PARTY} } } } } } }`,
      { id: needId },
      { token: buyer.token },
    );
    expect(r.errors).toBeUndefined();
    const suppliers = r.data!.need.bids.edges.map((e) => e.node.supplier);
    expect(suppliers).toEqual(
      expect.arrayContaining([
        { id: supplier.orgId, name: 'HTX Cà phê Bị tạm ngừng', verification: 'SUSPENDED' },
        { id: other.orgId, name: 'HTX Cà phê Ea Kiết', verification: 'VERIFIED' },
      ]),
    );
  });

  it('the public still finds no profile of it: organization(id) answers null to outsiders', async () => {
    for (const token of [undefined, buyer.token, other.token]) {
      const r = await api<{ organization: unknown }>(`query($id: ID!) { organization(id: $id) { id name } }`, { id: supplier.orgId }, { token });
      expect(r.errors).toBeUndefined();
      expect(r.data!.organization).toBeNull();
    }
  });
});
