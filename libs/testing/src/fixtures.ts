import { randomInt } from 'node:crypto';
import { taxCodeCheckDigit } from '@lienket/reference-data';

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
