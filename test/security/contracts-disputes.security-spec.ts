import jwt from 'jsonwebtoken';
import { loadConfig } from '@lienket/config';
import { errorCode, gql } from '@lienket/testing';
import { adminToken, api, moderatorToken } from '../support/e2e';
import { Party, verifiedBuyer, verifiedCooperative } from '../support/bids';
import { memberToken } from '../support/uploads';
import { CONTRACT, decisionRows, DISPUTED, disputedContract, RESOLVE } from '../support/contracts';

// The dispute queue is platform staff's: both staff roles read it, only an ADMIN resolves. The
// parties themselves (owners and members), other organizations, anonymous callers and forged or
// expired tokens are refused, at the gateway and at the subgraph, and a dispute's words never
// appear in a refusal.

jest.setTimeout(180_000);

const procurement = (query: string, variables: Record<string, unknown>, token?: string) => gql(process.env.E2E_PROCUREMENT_URL!, query, variables, { token });

describe('disputedContracts answers platform staff only', () => {
  let buyer: Party;
  let supplier: Party;
  let stranger: Party;
  let contractId: string;
  let tokens: Record<string, string | undefined>;

  beforeAll(async () => {
    buyer = await verifiedBuyer('Công ty CP Tranh chấp');
    supplier = await verifiedCooperative('HTX Tranh chấp');
    stranger = await verifiedBuyer('Công ty Tò mò');
    contractId = await disputedContract(buyer, supplier, 'Lý do bí mật của bên mua');
    const secret = loadConfig().auth.jwtSecret;
    tokens = {
      anonymous: undefined,
      forged: jwt.sign({ sub: buyer.userId, org: buyer.orgId, orole: 'OWNER', prole: 'ADMIN' }, 'someone-elses-secret-someone-elses-secret', { issuer: 'lienket' }),
      expired: jwt.sign({ sub: buyer.userId, org: buyer.orgId, orole: 'OWNER', exp: Math.floor(Date.now() / 1000) - 5 }, secret, { issuer: 'lienket' }),
      stranger: stranger.token,
      buyer: buyer.token,
      supplier: supplier.token,
      buyerMember: await memberToken(buyer.orgId),
      supplierMember: await memberToken(supplier.orgId),
      moderator: await moderatorToken(),
      admin: await adminToken(),
    };
  });

  const REFUSED: Record<string, string> = {
    anonymous: 'UNAUTHENTICATED', forged: 'UNAUTHENTICATED', expired: 'UNAUTHENTICATED',
    stranger: 'FORBIDDEN', buyer: 'FORBIDDEN', supplier: 'FORBIDDEN', buyerMember: 'FORBIDDEN', supplierMember: 'FORBIDDEN',
  };

  it('refuses everyone but staff with the right code, saying nothing of any dispute', async () => {
    for (const [who, code] of Object.entries(REFUSED)) {
      const r = await api(DISPUTED, { first: 100 }, { token: tokens[who] });
      expect([who, errorCode(r), r.data ?? null]).toEqual([who, code, null]);
      expect(JSON.stringify(r)).not.toMatch(/Lý do bí mật|stack|SELECT/);
    }
  });

  it('the subgraph itself refuses a party and a forged token the same way', async () => {
    expect(errorCode(await procurement(DISPUTED, { first: 100 }, buyer.token))).toBe('FORBIDDEN');
    expect(errorCode(await procurement(DISPUTED, { first: 100 }, tokens.forged))).toBe('UNAUTHENTICATED');
  });

  it('admins and moderators read the queue with the dispute; only the admin resolves, and a refusal writes nothing', async () => {
    for (const who of ['admin', 'moderator']) {
      const r = await api<{ disputedContracts: { id: string; dispute: { reason: string } }[] }>(DISPUTED, { first: 100 }, { token: tokens[who] });
      expect([who, r.data?.disputedContracts.find((c) => c.id === contractId)?.dispute.reason]).toEqual([who, 'Lý do bí mật của bên mua']);
    }
    const needRow = await api<{ contract: { need: { id: string } } }>(`query C($id: ID!) { contract(id: $id) { need { id } } }`, { id: contractId }, { token: buyer.token });
    const needId = needRow.data!.contract.need.id;
    const before = JSON.stringify(await decisionRows(needId));
    for (const who of ['moderator', 'buyer', 'supplierMember', 'stranger']) {
      const r = await api(RESOLVE, { id: contractId, resolution: 'Phá', outcome: 'CANCEL' }, { token: tokens[who] });
      expect([who, errorCode(r)]).toEqual([who, 'FORBIDDEN']);
    }
    expect(JSON.stringify(await decisionRows(needId))).toBe(before);
  });

  it("the dispute stays another organization's private object: the stranger reads the contract as not found", async () => {
    const r = await api(CONTRACT, { id: contractId }, { token: stranger.token });
    expect([errorCode(r), JSON.stringify(r).includes('Lý do bí mật')]).toEqual(['NOT_FOUND', false]);
  });
});
