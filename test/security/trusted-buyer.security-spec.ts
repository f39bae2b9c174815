// Who learns that the platform trusts a buyer: the console's switch reads `Organization.trustedBuyer`,
// which platform staff see and nobody else does — not the organization itself, not another one, not
// a visitor, whatever path reaches the organization.
import jwt from 'jsonwebtoken';
import { adminToken, api, moderatorToken, signUpOwner } from '../support/e2e';
import { buyer } from '../support/needs';

jest.setTimeout(60_000);

const READ = `query O($id: ID!) { organization(id: $id) { id trustedBuyer } }`;
// Signed with another key, claiming the ADMIN platform role.
const forge = (claims: object) =>
  jwt.sign({ sub: '00000000-0000-4000-8000-000000000001', ...claims }, 'someone-elses-secret-someone-elses-secret', { issuer: 'lienket' });

describe('a trusted buyer, as each caller reads it', () => {
  let trusted: Awaited<ReturnType<typeof buyer>>;

  beforeAll(async () => {
    trusted = await buyer({ verified: true, trusted: true, name: 'Công ty CP Thu mua Tin Cậy' });
  });

  const trustedBuyerAs = async (token?: string) => {
    const r = await api<{ organization: { trustedBuyer: boolean | null } | null }>(READ, { id: trusted.orgId }, { token });
    return { errors: r.errors?.map((e) => e.extensions?.code), trustedBuyer: r.data?.organization?.trustedBuyer };
  };

  it('is told to the admin and to moderators', async () => {
    expect(await trustedBuyerAs(await adminToken())).toEqual({ errors: undefined, trustedBuyer: true });
    expect(await trustedBuyerAs(await moderatorToken())).toEqual({ errors: undefined, trustedBuyer: true });
  });

  it('is null to the organization itself, another organization and a visitor', async () => {
    expect(await trustedBuyerAs(trusted.token)).toEqual({ errors: undefined, trustedBuyer: null });
    expect(await trustedBuyerAs((await signUpOwner({ kind: 'ENTERPRISE' })).token)).toEqual({ errors: undefined, trustedBuyer: null });
    expect(await trustedBuyerAs()).toEqual({ errors: undefined, trustedBuyer: null });
  });

  it('is not read with a forged staff token (the organization reads as to a visitor)', async () => {
    // A public read with a token that fails verification is answered as to nobody in particular.
    expect(await trustedBuyerAs(forge({ prole: 'ADMIN' }))).toEqual({ errors: undefined, trustedBuyer: null });
  });
});
