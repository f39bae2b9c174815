import { randomInt } from 'node:crypto';
import { taxCodeCheckDigit } from '@lienket/reference-data';
import { queryRows } from './database';

let counter = 0;

/** A random valid tax code (a collision within a run is a one-in-a-billion event). */
export function uniqueTaxCode(): string {
  for (;;) {
    const first9 = String(randomInt(100_000_000, 1_000_000_000));
    const check = taxCodeCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
}

export const uniqueEmail = (tag = 'user') => `${tag}.${Date.now().toString(36)}.${(++counter).toString(36)}@test.lienket.vn`;

export function signUpInput(over: { email?: string; password?: string; taxCode?: string; provinceCode?: string; kind?: string; name?: string } = {}) {
  return {
    email: over.email ?? uniqueEmail(),
    password: over.password ?? 'mat-khau-du-dai-2026',
    fullName: 'Nguyễn Thị Thử',
    organization: {
      kind: over.kind ?? 'COOPERATIVE',
      name: over.name ?? 'HTX Thử nghiệm Ea Kar',
      taxCode: over.taxCode ?? uniqueTaxCode(),
      provinceCode: over.provinceCode ?? '66',
    },
  };
}

export const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { accessToken refreshToken user { id email organizationRole organization { id name verification province { code name } } } }
}`;
export const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { accessToken refreshToken user { id email } }
}`;
export const REFRESH = `mutation Refresh($token: String!) { refreshToken(refreshToken: $token) { accessToken refreshToken } }`;

const PEOPLE = {
  OWNER: { VI: 'Đỗ Thị Hạnh', EN: 'Do Thi Hanh' },
  MANAGER: { VI: 'Nguyễn Văn Bình', EN: 'Nguyen Van Binh' },
  MEMBER: { VI: 'Lê Thị Cúc', EN: 'Le Thi Cuc' },
} as const;
type Locale = 'VI' | 'EN';

/**
 * A cooperative written straight into catalog with an owner, a manager and a member, each in the
 * language given (named as people of that language write their names), for handler tests that
 * check who is told what, in which language.
 */
export async function organizationWithTeam(databaseUrl: string, verification: string, locales: { owner: Locale; manager: Locale; member?: Locale }) {
  const [org] = await queryRows<{ id: string }>(
    databaseUrl,
    `INSERT INTO catalog.organizations (kind, name, tax_code, province_code, verification) VALUES ('COOPERATIVE', 'HTX Chè Tân Cương', $1, '19', $2) RETURNING id`,
    [uniqueTaxCode(), verification],
  );
  const person = async (role: keyof typeof PEOPLE, locale: Locale) => {
    const email = uniqueEmail(role.toLowerCase());
    const [u] = await queryRows<{ id: string }>(
      databaseUrl,
      `INSERT INTO catalog.users (email, password_hash, full_name, organization_id, organization_role, locale) VALUES ($1, 'x', $2, $3, $4, $5) RETURNING id`,
      [email, PEOPLE[role][locale], org.id, role, locale],
    );
    return { id: u.id, email };
  };
  return { id: org.id, owner: await person('OWNER', locales.owner), manager: await person('MANAGER', locales.manager), member: await person('MEMBER', locales.member ?? 'VI') };
}

/**
 * Procurement's copy of an organization, as catalog's `organization.changed` event would write it
 * (version 1): for tests that start procurement alone and seed its rows in SQL. Procurement judges
 * buyers and bidders by this copy, and public needs are those of buyers it knows as VERIFIED.
 */
export async function knownToProcurement(databaseUrl: string, organizationId: string, o: { kind?: 'COOPERATIVE' | 'ENTERPRISE'; verification?: string } = {}): Promise<void> {
  await queryRows(
    databaseUrl,
    `INSERT INTO procurement.organizations (id, kind, name, verification, trusted_buyer, version) VALUES ($1, $2, 'Tổ chức thử nghiệm', $3, false, 1)`,
    [organizationId, o.kind ?? 'ENTERPRISE', o.verification ?? 'VERIFIED'],
  );
}
