import jwt from 'jsonwebtoken';
import { attach, attachmentsPath, attachmentTrace, listed, PDF, type Attachment } from '../support/attachments';
import { verifiedBuyer, verifiedCooperative } from '../support/bids';
import { adminToken, api, moderatorToken } from '../support/e2e';
import { buyer, DECIDE, draftNeed, SUBMIT } from '../support/needs';
import { del, get, memberToken, rawUpload, restError } from '../support/uploads';

// A need's files, attacked through the gateway: uploading, removing and reading them as nobody, a
// forged token, a MEMBER, another organization and staff. A refused call stores nothing and
// removes nothing; another organization's private need's file reads exactly like one that does not exist.

jest.setTimeout(120_000);

type Victim = Awaited<ReturnType<typeof buyer>>;
const code = async (res: Response) => [res.status, (await restError(res)).extensions.code];

describe('need attachments answer only who may see the need', () => {
  let victim: Victim;
  let draft: string;
  let file: Attachment;
  let tokens: { forged: string; member: string; strangerBuyer: string; strangerCoop: string; moderator: string };

  beforeAll(async () => {
    victim = await buyer({ verified: true, name: 'Công ty CP Nạn nhân Tệp' });
    draft = (await draftNeed(victim.token)).id;
    const res = await attach(draft, victim.token, PDF, 'quy-cach-bi-mat.pdf');
    expect(res.status).toBe(201);
    file = (await res.json()) as Attachment;
    tokens = {
      forged: jwt.sign({ sub: victim.userId, org: victim.orgId, orole: 'OWNER' }, 'someone-elses-secret-someone-elses-secret', { issuer: 'lienket' }),
      member: await memberToken(victim.orgId),
      strangerBuyer: (await verifiedBuyer('Công ty Kẻ lạ')).token,
      strangerCoop: (await verifiedCooperative('HTX Kẻ lạ')).token,
      moderator: await moderatorToken(),
    };
  });

  it('refuses uploads from nobody and a forged token (401), a MEMBER (403), another organization and staff, storing nothing', async () => {
    const before = await attachmentTrace(victim.orgId);
    expect(await code(await attach(draft, undefined, PDF, 'x.pdf'))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await code(await attach(draft, tokens.forged, PDF, 'x.pdf'))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await code(await attach(draft, tokens.member, PDF, 'x.pdf'))).toEqual([403, 'FORBIDDEN']);
    // Another organization's draft is not there for them, whatever its id.
    expect(await code(await attach(draft, tokens.strangerBuyer, PDF, 'x.pdf'))).toEqual([404, 'NOT_FOUND']);
    expect(await code(await attach(draft, tokens.strangerCoop, PDF, 'x.pdf'))).toEqual([404, 'NOT_FOUND']);
    expect(await code(await attach(draft, tokens.moderator, PDF, 'x.pdf'))).toEqual([403, 'FORBIDDEN']);
    expect(await code(await attach('not-a-uuid', victim.token, PDF, 'x.pdf'))).toEqual([404, 'NOT_FOUND']);
    expect(await code(await attach(crypto.randomUUID(), victim.token, PDF, 'x.pdf'))).toEqual([404, 'NOT_FOUND']);
    expect(await attachmentTrace(victim.orgId)).toEqual(before);
  });

  it('answers a 60 MB upload 413 while the client is still sending, declared or chunked, and unauthenticated before reading', async () => {
    const before = await attachmentTrace(victim.orgId);
    for (const declare of [true, false]) {
      const r = await rawUpload(attachmentsPath(draft), { token: victim.token, total: 60 * 1024 * 1024, declare });
      expect({ declare, status: r.status }).toEqual({ declare, status: 413 });
      expect(r.sentWhenAnswered).toBeLessThan(r.total);
      const anonymous = await rawUpload(attachmentsPath(draft), { total: 60 * 1024 * 1024, declare });
      expect({ declare, refused: [401, 413].includes(anonymous.status!) }).toEqual({ declare, refused: true });
      expect(anonymous.sentWhenAnswered).toBeLessThan(anonymous.total);
    }
    expect(await attachmentTrace(victim.orgId)).toEqual(before);
  });

  it('refuses removals the same way and keeps the file', async () => {
    const before = await attachmentTrace(victim.orgId);
    expect(await code(await del(file.url))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await code(await del(file.url, tokens.forged))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await code(await del(file.url, tokens.member))).toEqual([403, 'FORBIDDEN']);
    expect(await code(await del(file.url, tokens.strangerBuyer))).toEqual([404, 'NOT_FOUND']);
    expect(await code(await del(file.url, tokens.moderator))).toEqual([403, 'FORBIDDEN']);
    // The victim's own attachment id under the stranger's own draft: not theirs either.
    const strangersDraft = (await draftNeed(tokens.strangerBuyer)).id;
    expect(await code(await del(`${attachmentsPath(strangersDraft)}/${file.id}`, tokens.strangerBuyer))).toEqual([404, 'NOT_FOUND']);
    expect(await attachmentTrace(victim.orgId)).toEqual(before);
    expect((await get(file.url, victim.token)).status).toBe(200);
  });

  it("reads a draft's file as not found for everyone outside its organization (staff too), and a forged token 401; its MEMBER reads it", async () => {
    for (const token of [undefined, tokens.strangerBuyer, tokens.strangerCoop, tokens.moderator]) {
      const res = await get(file.url, token);
      expect([res.status, (await restError(res)).extensions.code, res.headers.get('content-disposition')]).toEqual([404, 'NOT_FOUND', null]);
      expect(await listed(draft, token)).toBeNull();
    }
    expect(await code(await get(file.url, tokens.forged))).toEqual([401, 'UNAUTHENTICATED']);
    expect((await get(`${file.url}/thumbnail`, victim.token)).status).toBe(404);
    const member = await get(file.url, tokens.member);
    expect([member.status, Buffer.from(await member.arrayBuffer())]).toEqual([200, PDF]);
    expect(await listed(draft, tokens.member)).toEqual([file]);
    // The file's id under another need (the stranger's own) is not found either.
    const strangersDraft = (await draftNeed(tokens.strangerBuyer)).id;
    expect((await get(`${attachmentsPath(strangersDraft)}/${file.id}`, tokens.strangerBuyer)).status).toBe(404);
  });

  it('a pending need: staff read its files, strangers still find nothing; once open, anyone reads them', async () => {
    const need = (await draftNeed(victim.token)).id;
    const res = await attach(need, victim.token, PDF, 'ho-so.pdf');
    const pending = (await res.json()) as Attachment;
    expect((await api(SUBMIT, { id: need }, { token: victim.token })).errors).toBeUndefined();
    expect((await get(pending.url, tokens.moderator)).status).toBe(200);
    expect(await listed(need, tokens.moderator)).toEqual([pending]);
    for (const token of [undefined, tokens.strangerBuyer, tokens.strangerCoop]) {
      expect((await get(pending.url, token)).status).toBe(404);
      expect(await listed(need, token)).toBeNull();
    }
    expect((await api(DECIDE, { id: need, decision: 'APPROVE' }, { token: await adminToken() })).errors).toBeUndefined();
    for (const token of [undefined, tokens.strangerBuyer, tokens.strangerCoop]) {
      expect((await get(pending.url, token)).status).toBe(200);
      expect(await listed(need, token)).toEqual([pending]);
    }
  });
});
