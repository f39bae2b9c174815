import { Redis } from 'ioredis';
import { simpleParser } from 'mailparser';
import argon2 from 'argon2';
import { gql, GqlOptions, queryRows, ReceivedMail, SIGN_IN, SIGN_UP, signUpInput, uniqueEmail } from '@lienket/testing';
import { eventually } from './wait';

/** The running gateway that the e2e global setup started. */
export const gatewayUrl = () => `${process.env.E2E_GATEWAY_URL}/graphql`;
export const e2eDatabaseUrl = () => process.env.E2E_DATABASE_URL!;
export const api = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, o: GqlOptions = {}) =>
  gql<T>(gatewayUrl(), query, variables, o);
export const rows = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryRows<T>(e2eDatabaseUrl(), sql, params);

/** The in-app notices of one kind that an organization's people received, oldest first. */
export const noticesOf = (orgId: string, kind: string) =>
  rows<{ title: string; body: string; link: string }>(
    `SELECT n.title, n.body, n.link FROM matching.notifications n JOIN catalog.users u ON u.id = n.user_id
      WHERE u.organization_id = $1 AND n.kind = $2 ORDER BY n.created_at`,
    [orgId, kind],
  );

/** Awaits the next e-mail to `to` that the SMTP listener received (BLPOP: no polling, no sleeps). */
export async function awaitMail(to: string, timeoutSeconds = 20): Promise<ReceivedMail | null> {
  const redis = new Redis(process.env.REDIS_URL!);
  try {
    const hit = await redis.blpop(`${process.env.E2E_PREFIX}:mail:${to.toLowerCase()}`, timeoutSeconds);
    return hit ? (JSON.parse(hit[1]) as ReceivedMail) : null;
  } finally {
    redis.disconnect();
  }
}

/** E-mails to `to` are taken in turn until one whose subject holds `subject` (earlier ones are other notices); parsed. */
export async function awaitMailAbout(to: string, subject: string) {
  for (;;) {
    const mail = await awaitMail(to);
    if (!mail) throw new Error(`no e-mail about "${subject}" reached ${to}`);
    const parsed = await simpleParser(mail.raw);
    if (parsed.subject?.includes(subject)) return parsed;
  }
}

/** A new organization's owner, signed up through the gateway. */
export async function signUpOwner(over: Parameters<typeof signUpInput>[0] = {}) {
  const input = signUpInput(over);
  const r = await api<{ signUp: { accessToken: string; refreshToken: string; user: { id: string; organization: { id: string } } } }>(SIGN_UP, { input });
  const s = r.data!.signUp;
  return { token: s.accessToken, refresh: s.refreshToken, userId: s.user.id, orgId: s.user.organization.id, email: input.email, password: input.password };
}

export async function signInAs(email: string, password: string) {
  const r = await api<{ signIn: { accessToken: string; refreshToken: string } }>(SIGN_IN, { email, password });
  return r.data!.signIn;
}

/** The seeded admin (the e2e stack ensures one at start). */
export const adminToken = async () => (await signInAs(process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!)).accessToken;

const MODERATE = `mutation M($subject: ModerationSubject!, $id: ID!) {
  moderate(subject: $subject, subjectId: $id, decision: APPROVE) { subjectId } }`;

/** Approves an organization or a submitted listing as the admin would in the console. */
export async function approve(subject: 'ORGANIZATION' | 'PRODUCT', id: string, token?: string): Promise<void> {
  const r = await api(MODERATE, { subject, id }, { token: token ?? (await adminToken()) });
  expect(r.errors).toBeUndefined();
}

/** A cooperative signed up through the API (its owner's token and password), optionally verified by the admin. */
/** The admin verifies the organization, and procurement's copy (which catalog's event brings) says so. */
export async function verifyOrganization(orgId: string): Promise<void> {
  await approve('ORGANIZATION', orgId);
  await eventually(() => rows(`SELECT verification FROM procurement.organizations WHERE id = $1`, [orgId]), (r) => expect(r).toEqual([{ verification: 'VERIFIED' }]));
}

export async function cooperative(name: string, o: { provinceCode?: string; kind?: string; verified?: boolean } = {}) {
  const owner = await signUpOwner({ name, provinceCode: o.provinceCode, kind: o.kind });
  if (o.verified) await verifyOrganization(owner.orgId);
  return { ...owner, name };
}

const CREATE_PRODUCT = `mutation C($input: ProductInput!) { createProduct(input: $input) { id } }`;
const SUBMIT_PRODUCT = `mutation S($id: ID!) { submitProduct(id: $id) { id } }`;

/** A listing created and submitted by the organization, then approved by the admin; returns its id. */
export async function approvedListing(ownerToken: string, input: Record<string, unknown>): Promise<string> {
  const created = await api<{ createProduct: { id: string } }>(CREATE_PRODUCT, { input }, { token: ownerToken });
  expect(created.errors).toBeUndefined();
  const id = created.data!.createProduct.id;
  expect((await api(SUBMIT_PRODUCT, { id }, { token: ownerToken })).errors).toBeUndefined();
  await approve('PRODUCT', id);
  return id;
}

const inDays = (d: number) => new Date(Date.now() + d * 86400_000);

/** A valid procurement need (rice, delivered to Hồ Chí Minh City in a month, bids for 20 days). */
export const needInput = () => ({
  title: 'Gạo ST25 đóng bao 50 kg',
  categoryCode: '1006',
  quantity: '40',
  unitCode: 'TNE',
  deliveryProvinceCode: '79',
  deliveryFrom: inDays(30).toISOString().slice(0, 10),
  deliveryTo: inDays(45).toISOString().slice(0, 10),
  bidDeadline: inDays(20).toISOString(),
});

export const INVITE = `mutation I($email: String!, $role: OrganizationRole!) { inviteMember(email: $email, role: $role) { id email role } }`;
export const ACCEPT = `mutation A($token: String!, $name: String!, $pw: String!) { acceptInvitation(token: $token, fullName: $name, password: $pw) {
  accessToken user { email organizationRole organization { id } } } }`;

/** Invites `email`, reads the link from the e-mail, accepts it; returns the new member's session and password. */
export async function joinOrganization(inviterToken: string, role: string) {
  const password = 'mat-khau-thanh-vien';
  const email = uniqueEmail(role.toLowerCase());
  expect((await api(INVITE, { email, role }, { token: inviterToken })).errors).toBeUndefined();
  const mail = await simpleParser((await awaitMail(email))!.raw);
  const token = decodeURIComponent(/loi-moi\?token=([^\s]+)/.exec(mail.text ?? '')![1]);
  const r = await api<{ acceptInvitation: { accessToken: string; user: { email: string; organizationRole: string } } }>(ACCEPT, { token, name: 'Y Blang', pw: password });
  expect(r.data?.acceptInvitation.user).toMatchObject({ email, organizationRole: role });
  const [u] = await rows<{ id: string }>(`SELECT id FROM catalog.users WHERE email = $1`, [email]);
  return { token: r.data!.acceptInvitation.accessToken, userId: u.id, email, password, link: token };
}

/** A platform moderator (inserted directly: staff accounts are not signed up), signed in. */
export async function moderatorToken(fullName = 'Lê Văn Kiểm'): Promise<string> {
  const email = uniqueEmail('moderator');
  await rows(`INSERT INTO catalog.users (email, password_hash, full_name, platform_role) VALUES ($1, $2, $3, 'MODERATOR')`, [email, await argon2.hash('mat-khau-kiem-duyet'), fullName]);
  return (await signInAs(email, 'mat-khau-kiem-duyet')).accessToken;
}
