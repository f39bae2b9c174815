import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLObjectType } from 'graphql';
import { errorCode, gql } from '@lienket/testing';
import { adminToken, api, awaitMailAbout, noticesOf, rows } from '../support/e2e';
import { needInput } from '../support/needs';
import { openNeed, Party, verifiedBuyer, verifiedCooperative } from '../support/bids';
import { unauthenticatedTokens } from '../support/sessions';
import { memberToken } from '../support/uploads';
import { ANSWER, answer, ask, ASK, QUESTION_FIELDS, QuestionShape, questionRows } from '../support/questions';
import { eventually } from '../support/wait';

// Who asked a question on a need is known to the asking organization alone: not to the buyer, its
// members, other cooperatives, platform staff or visitors — not in the API, the notices or the
// e-mails. And every Q&A mutation, walked as anonymous, a forged and an expired token, another
// enterprise and cooperative, a MEMBER of each side, the wrong party and the admin, is refused with
// its code and leaves every question row and event as it was.

jest.setTimeout(180_000);

const TITLE = 'Hạt điều rang muối Bình Phước';
const READ = `query N($id: ID!) { need(id: $id) { id buyer { id name } questions { ${QUESTION_FIELDS} } } }`;
const procurement = (query: string, variables: Record<string, unknown>, token?: string) => gql(process.env.E2E_PROCUREMENT_URL!, query, variables, { token });

describe('the Q&A of a need keeps who asked to the asker', () => {
  let buyer: Party;
  let asker: Party;
  let askerEmail: string;
  let tokens: Record<string, string | undefined>;
  let needId: string;
  let draftId: string;
  let pending: QuestionShape;
  let answered: QuestionShape;

  beforeAll(async () => {
    buyer = await verifiedBuyer('Công ty CP Điều Bình Phước');
    asker = await verifiedCooperative('HTX Điều Bù Đăng');
    const stranger = await verifiedBuyer('Công ty Kẻ lạ');
    const strangerCoop = await verifiedCooperative('HTX Kẻ lạ');
    tokens = {
      ...unauthenticatedTokens(asker),
      stranger: stranger.token,
      strangerCoop: strangerCoop.token,
      buyerMember: await memberToken(buyer.orgId),
      askerMember: await memberToken(asker.orgId),
      buyer: buyer.token,
      asker: asker.token,
      admin: await adminToken(),
    };
    [{ email: askerEmail }] = await rows<{ email: string }>(`SELECT email FROM catalog.users WHERE id = $1`, [asker.userId]);
    needId = await openNeed(buyer.token, { title: TITLE });
    const draft = await api<{ createNeed: { id: string } }>(`mutation C($input: NeedInput!) { createNeed(input: $input) { id } }`, { input: needInput({ title: 'Nháp riêng' }) }, { token: buyer.token });
    draftId = draft.data!.createNeed.id;
    const first = await ask(asker.token, needId, 'Hạt W320 hay W240?');
    answered = await answer(buyer.token, first.id, 'W320, độ ẩm dưới 5%.');
    pending = await ask(asker.token, needId, 'Đóng thùng thiếc hay túi hút chân không?');
  });

  const snapshot = async () => JSON.stringify(await Promise.all([needId, draftId].map(questionRows)));

  type Row = [string, () => [string, Record<string, unknown>], Record<string, string>];
  const UNAUTH = { anonymous: 'UNAUTHENTICATED', forged: 'UNAUTHENTICATED', expired: 'UNAUTHENTICATED' };
  const mutations: Row[] = [
    ['askQuestion on an open need', () => [ASK, { needId, text: 'Phá' }],
      { ...UNAUTH, stranger: 'FORBIDDEN', buyerMember: 'FORBIDDEN', askerMember: 'FORBIDDEN', buyer: 'FORBIDDEN', admin: 'FORBIDDEN' }],
    ["askQuestion on the buyer's draft", () => [ASK, { needId: draftId, text: 'Phá' }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', asker: 'NOT_FOUND', askerMember: 'FORBIDDEN', buyerMember: 'FORBIDDEN', buyer: 'FORBIDDEN', admin: 'FORBIDDEN' }],
    ['answerQuestion', () => [ANSWER, { id: pending.id, answer: 'Phá' }],
      { ...UNAUTH, stranger: 'NOT_FOUND', strangerCoop: 'NOT_FOUND', asker: 'NOT_FOUND', askerMember: 'FORBIDDEN', buyerMember: 'FORBIDDEN', admin: 'FORBIDDEN' }],
  ];

  it.each(mutations)('%s: refused with the right code for everyone but its own actor, nothing written', async (_name, call, expected) => {
    const [query, variables] = call();
    const before = await snapshot();
    for (const [who, code] of Object.entries(expected)) {
      const r = await api(query, variables, { token: tokens[who] });
      expect([who, errorCode(r)]).toEqual([who, code]);
      expect(JSON.stringify(r)).not.toMatch(/túi hút chân không|stack|SELECT/);
    }
    expect(await snapshot()).toBe(before);
  });

  it('the subgraph itself answers the same to another organization and to a forged token', async () => {
    const before = await snapshot();
    expect(errorCode(await procurement(ANSWER, { id: pending.id, answer: 'Phá' }, tokens.strangerCoop))).toBe('NOT_FOUND');
    expect(errorCode(await procurement(ANSWER, { id: pending.id, answer: 'Phá' }, tokens.forged))).toBe('UNAUTHENTICATED');
    expect(errorCode(await procurement(ASK, { needId: draftId, text: 'Phá' }, tokens.strangerCoop))).toBe('NOT_FOUND');
    expect(await snapshot()).toBe(before);
  });

  it("another organization's private need reads as not found, questions and all", async () => {
    for (const who of ['anonymous', 'stranger', 'strangerCoop', 'asker']) {
      const r = await api<{ need: unknown }>(READ, { id: draftId }, { token: tokens[who] });
      expect([who, errorCode(r), r.data?.need ?? null]).toEqual([who, 'NOT_FOUND', null]);
    }
  });

  it('the buyer reads the pending question, everyone else only the answered one; only the asker reads `mine`, nobody reads who asked', async () => {
    const asked = [asker.orgId, asker.userId, asker.name, askerEmail];
    const seen = async (who: string) => {
      const r = await api<{ need: { questions: QuestionShape[] } }>(READ, { id: needId }, { token: tokens[who] });
      expect([who, r.errors]).toEqual([who, undefined]);
      for (const secret of asked) expect([who, JSON.stringify(r)]).toEqual([who, expect.not.stringContaining(secret)]);
      return r.data!.need.questions;
    };
    for (const who of ['buyer', 'buyerMember']) expect(await seen(who)).toEqual([{ ...answered, mine: false }, { ...pending, mine: false }]);
    for (const who of ['anonymous', 'stranger', 'strangerCoop', 'admin']) expect(await seen(who)).toEqual([{ ...answered, mine: false }]);
    for (const who of ['asker', 'askerMember']) expect(await seen(who)).toEqual([{ ...answered, mine: true }, { ...pending, mine: true }]);
  });

  it('a question has no field that could name the asker, in the schema or by asking for one', async () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'api.graphql'), 'utf8'));
    expect(Object.keys((schema.getType('NeedQuestion') as GraphQLObjectType).getFields()).sort()).toEqual(['answer', 'answeredAt', 'askedAt', 'id', 'mine', 'text']);
    const r = await api(`query N($id: ID!) { need(id: $id) { questions { id asker { id } } } }`, { id: needId }, { token: tokens.buyer });
    expect(errorCode(r)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("the buyer's notices and e-mail quote the question and never name the asker; no one else is told", async () => {
    const asked = [asker.orgId, asker.userId, asker.name, askerEmail, 'Bù Đăng'];
    const notices = await eventually(() => noticesOf(buyer.orgId, 'question.asked'), (n) => expect(n).toHaveLength(2));
    expect(notices.map((n) => n.link)).toEqual([`/nhu-cau/${needId}`, `/nhu-cau/${needId}`]);
    for (const secret of asked) expect(JSON.stringify(notices)).not.toContain(secret);
    const [{ email }] = await rows<{ email: string }>(`SELECT email FROM catalog.users WHERE id = $1`, [buyer.userId]);
    const mail = await awaitMailAbout(email, TITLE);
    expect(mail.text).toMatch(/Hạt W320 hay W240\?|túi hút chân không/);
    for (const secret of asked) expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toContain(secret);
    // The events bound for the buyer carry no trace of the asker either.
    const events = await rows<{ payload: unknown }>(`SELECT payload FROM procurement.outbox WHERE event_type = 'question.asked' AND payload ->> 'needId' = $1`, [needId]);
    expect(events).toHaveLength(2);
    for (const secret of asked) expect(JSON.stringify(events)).not.toContain(secret);
    // The answer is told to the asker alone.
    await eventually(() => noticesOf(asker.orgId, 'question.answered'), (n) => expect(n).toHaveLength(1));
    const elsewhere = await rows(
      `SELECT n.kind FROM matching.notifications n JOIN catalog.users u ON u.id = n.user_id
        WHERE n.kind LIKE 'question.%' AND n.link = $1 AND u.organization_id NOT IN ($2, $3)`,
      [`/nhu-cau/${needId}`, buyer.orgId, asker.orgId],
    );
    expect(elsewhere).toEqual([]);
  });
});
