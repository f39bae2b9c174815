import { errorCode } from '@lienket/testing';
import { api, cooperative, noticesOf, rows } from '../support/e2e';
import { memberToken } from '../support/uploads';
import { CANCEL } from '../support/needs';
import { deadlinePassed, openNeed, Party, setDeadline, verifiedBuyer, verifiedCooperative } from '../support/bids';
import { ANSWER, answer, ask, ASK, QuestionShape, questionRows, questionsOf } from '../support/questions';
import { eventually } from '../support/wait';

// The public Q&A of a need through the gateway: a verified cooperative asks on an OPEN need, the
// buyer answers once for everyone, and the deadline closes both. Bad input writes nothing.

jest.setTimeout(120_000);

const refusal = (r: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) => ({
  code: r.errors?.[0]?.extensions?.code,
  field: r.errors?.[0]?.extensions?.field,
  message: r.errors?.[0]?.message,
});

describe('asking, answering and who reads what', () => {
  let buyer: Party;
  let asker: Party;
  let other: Party;
  let needId: string;
  let asked: QuestionShape;

  beforeAll(async () => {
    buyer = await verifiedBuyer('Công ty CP Cà phê Đất Việt');
    asker = await verifiedCooperative('HTX Cà phê Ea Tu');
    other = await verifiedCooperative('HTX Cà phê Cầu Đất');
    needId = await openNeed(buyer.token);
  });

  it('a cooperative asks: the question is its own and unanswered; the buyer reads it, nobody else yet', async () => {
    asked = await ask(asker.token, needId, '  Bên mua có nhận bao 60 kg không?  ');
    expect(asked).toEqual({ id: expect.any(String), text: 'Bên mua có nhận bao 60 kg không?', answer: null, askedAt: expect.any(String), answeredAt: null, mine: true });
    expect(await questionsOf(needId, asker.token)).toEqual([asked]);
    expect(await questionsOf(needId, buyer.token)).toEqual([{ ...asked, mine: false }]);
    expect(await questionsOf(needId, other.token)).toEqual([]);
    expect(await questionsOf(needId)).toEqual([]);
  });

  it('the buyer is told a question waits, with its text and a link to the need, and not who asked', async () => {
    const [notice] = await eventually(() => noticesOf(buyer.orgId, 'question.asked'), (n) => expect(n).toHaveLength(1));
    expect(notice).toEqual({ title: 'Có câu hỏi mới về “Cà phê Robusta nhân xô loại 1”', body: expect.stringContaining('Bên mua có nhận bao 60 kg không?'), link: `/nhu-cau/${needId}` });
    expect(JSON.stringify(notice)).not.toMatch(/Ea Tu/);
  });

  it('the buyer answers once for everyone; the asker is told, and reads it as its own', async () => {
    const answered = await answer(buyer.token, asked.id, 'Chỉ nhận bao 50 kg, có in nhãn HTX.');
    expect(answered).toEqual({ ...asked, answer: 'Chỉ nhận bao 50 kg, có in nhãn HTX.', answeredAt: expect.any(String), mine: false });
    for (const [token, mine] of [[undefined, false], [other.token, false], [buyer.token, false], [asker.token, true]] as const) {
      expect(await questionsOf(needId, token)).toEqual([{ ...answered, mine }]);
    }
    const [notice] = await eventually(() => noticesOf(asker.orgId, 'question.answered'), (n) => expect(n).toHaveLength(1));
    expect(notice).toEqual({
      title: 'Bên mua đã trả lời câu hỏi của bạn về “Cà phê Robusta nhân xô loại 1”',
      body: 'Hỏi: Bên mua có nhận bao 60 kg không?\nĐáp: Chỉ nhận bao 50 kg, có in nhãn HTX.',
      link: `/nhu-cau/${needId}`,
    });
    // Nobody else hears of it.
    expect(await noticesOf(other.orgId, 'question.answered')).toEqual([]);
  });

  it('a second answer is refused with CONFLICT and changes nothing', async () => {
    const before = await questionRows(needId);
    const r = await api(ANSWER, { id: asked.id, answer: 'Sửa lại' }, { token: buyer.token, lang: 'en' });
    expect(refusal(r)).toEqual({ code: 'CONFLICT', field: undefined, message: 'This question has already been answered; each question is answered once.' });
    expect(await questionRows(needId)).toEqual(before);
  });

  it('answers each of two racing calls at most once: one answer stored, one notice, the other CONFLICT', async () => {
    const q = await ask(other.token, needId, 'Giao tại kho hay tại cảng?');
    const texts = ['Tại kho Thủ Đức.', 'Tại cảng Cát Lái.', 'Tại kho Bình Dương.', 'Tại cảng Hiệp Phước.'];
    const results = await Promise.all(texts.map((t) => api<{ answerQuestion: QuestionShape }>(ANSWER, { id: q.id, answer: t }, { token: buyer.token })));
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const [stored] = await rows<{ answer: string }>(`SELECT answer FROM procurement.need_questions WHERE id = $1`, [q.id]);
    expect(stored.answer).toBe(won[0].data!.answerQuestion.answer);
    const events = await rows(`SELECT 1 FROM procurement.outbox WHERE event_type = 'question.answered' AND payload ->> 'occurrenceId' = $1`, [`answer:${q.id}`]);
    expect(events).toHaveLength(1);
  });
});

describe('askQuestion and answerQuestion refuse, and write nothing', () => {
  let buyer: Party;
  let coop: Party;
  let needId: string;
  let pending: QuestionShape;

  beforeAll(async () => {
    buyer = await verifiedBuyer('Công ty TNHH Nông sản Mê Kông');
    coop = await verifiedCooperative('HTX Nông nghiệp Cư M\'gar');
    needId = await openNeed(buyer.token);
    pending = await ask(coop.token, needId, 'Có cần chứng nhận VietGAP bản gốc không?');
  });

  const refused = async (query: string, variables: Record<string, unknown>, token: string, expected: Record<string, unknown>) => {
    const before = await questionRows(needId);
    const r = await api(query, variables, { token, lang: 'en' });
    expect(refusal(r)).toEqual(expected);
    expect(JSON.stringify(r.errors)).not.toMatch(/stack|SELECT|procurement\./);
    expect(await questionRows(needId)).toEqual(before);
  };

  it.each([
    ['an empty question', '', 'Please enter question.'],
    ['a question of spaces', '   \n ', 'Please enter question.'],
    ['a question over 1,000 characters', 'x'.repeat(1001), 'Question is longer than 1000 characters.'],
  ])('%s: BAD_USER_INPUT naming the text', async (_name, text, message) => {
    await refused(ASK, { needId, text }, coop.token, { code: 'BAD_USER_INPUT', field: 'text', message });
  });

  it('a question of exactly 1,000 characters is taken', async () => {
    expect((await ask(coop.token, needId, 'y'.repeat(1000))).text).toHaveLength(1000);
  });

  it.each([
    ['an empty answer', '', 'Please enter answer.'],
    ['an answer over 2,000 characters', 'x'.repeat(2001), 'Answer is longer than 2000 characters.'],
  ])('%s: BAD_USER_INPUT naming the answer', async (_name, text, message) => {
    await refused(ANSWER, { id: pending.id, answer: text }, buyer.token, { code: 'BAD_USER_INPUT', field: 'answer', message });
  });

  it('in Vietnamese by default', async () => {
    const r = await api(ASK, { needId, text: 'x'.repeat(1001) }, { token: coop.token });
    expect(r.errors?.[0]?.message).toBe('Câu hỏi dài quá 1000 ký tự.');
  });

  it('an unknown or malformed need or question: NOT_FOUND', async () => {
    await refused(ASK, { needId: '00000000-0000-4000-8000-000000000000', text: 'Hỏi' }, coop.token, { code: 'NOT_FOUND', field: undefined, message: 'Not found.' });
    await refused(ASK, { needId: 'abc', text: 'Hỏi' }, coop.token, { code: 'NOT_FOUND', field: undefined, message: 'Not found.' });
    await refused(ANSWER, { id: '00000000-0000-4000-8000-000000000000', answer: 'Đáp' }, buyer.token, { code: 'NOT_FOUND', field: undefined, message: 'Not found.' });
  });

  it('the buyer cannot ask on its own need; an enterprise and an unverified cooperative cannot ask at all', async () => {
    await refused(ASK, { needId, text: 'Hỏi' }, buyer.token, { code: 'FORBIDDEN', field: undefined, message: expect.stringMatching(/posted this need/) });
    const enterprise = await verifiedBuyer('Công ty CP Thu mua Hà Nội');
    await refused(ASK, { needId, text: 'Hỏi' }, enterprise.token, { code: 'FORBIDDEN', field: undefined, message: 'Only cooperatives ask questions on needs.' });
    const unverified = await cooperative('HTX Chưa xác minh');
    await refused(ASK, { needId, text: 'Hỏi' }, unverified.token, { code: 'FORBIDDEN', field: undefined, message: expect.stringMatching(/must be verified before it can ask/) });
  });

  it('takes at most 10 questions of one organization on one need, also when they race', async () => {
    const racer = await verifiedCooperative('HTX Hỏi nhiều');
    for (let i = 0; i < 7; i++) await ask(racer.token, needId, `Câu hỏi ${i}`);
    const results = await Promise.all([7, 8, 9, 10, 11].map((i) => api(ASK, { needId, text: `Câu hỏi ${i}` }, { token: racer.token, lang: 'en' })));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(results.filter((r) => r.errors).map(refusal)).toEqual([1, 2].map(() => ({ code: 'CONFLICT', field: undefined, message: 'Your organization has asked 10 questions on this need, the most one organization may ask.' })));
    expect((await questionsOf(needId, racer.token)).filter((q) => q.mine)).toHaveLength(10);
  });

  it('a need takes at most 100 questions in all: CONFLICT, nothing written', async () => {
    const full = await openNeed(buyer.token);
    await rows(
      `INSERT INTO procurement.need_questions (need_id, asker_org_id, asked_by, text, asked_at)
       SELECT $1, gen_random_uuid(), gen_random_uuid(), 'Câu ' || i, now() FROM generate_series(1, 100) i`,
      [full],
    );
    const before = await questionRows(full);
    expect(refusal(await api(ASK, { needId: full, text: 'Thêm một câu' }, { token: coop.token, lang: 'en' }))).toEqual({
      code: 'CONFLICT', field: undefined, message: 'This need has received 100 questions, the most it takes; please read the answers given.',
    });
    expect(await questionRows(full)).toEqual(before);
  });

  it('a cancelled need takes no answers (CONFLICT) and is not found to askers', async () => {
    const other = await openNeed(buyer.token);
    const q = await ask(coop.token, other, 'Có giao từng đợt không?');
    expect((await api(CANCEL, { id: other, reason: 'Hết ngân sách' }, { token: buyer.token })).errors).toBeUndefined();
    const before = await questionRows(other);
    expect(refusal(await api(ANSWER, { id: q.id, answer: 'Có' }, { token: buyer.token, lang: 'en' }))).toEqual({ code: 'CONFLICT', field: undefined, message: 'This need is no longer open, so its questions are closed.' });
    expect(errorCode(await api(ASK, { needId: other, text: 'Còn mở không?' }, { token: coop.token }))).toBe('NOT_FOUND');
    expect(await questionRows(other)).toEqual(before);
  });
});

describe('the deadline closes the questions', () => {
  let buyer: Party;
  let coop: Party;

  beforeAll(async () => {
    buyer = await verifiedBuyer('Công ty CP Chè Thái Nguyên');
    coop = await verifiedCooperative('HTX Chè Tân Cương');
  });

  it('past the deadline (flipped or not) nothing can be asked or answered: DEADLINE_PASSED, nothing written', async () => {
    const needId = await openNeed(buyer.token);
    const q = await ask(coop.token, needId, 'Chè búp tươi hay chè khô?');
    await setDeadline(needId, -1);
    const before = await questionRows(needId);
    const late = { code: 'DEADLINE_PASSED', field: undefined, message: 'The bid deadline of this need has passed, so its questions are closed: nothing more can be asked or answered.' };
    expect(refusal(await api(ASK, { needId, text: 'Còn hỏi được không?' }, { token: coop.token, lang: 'en' }))).toEqual(late);
    expect(refusal(await api(ANSWER, { id: q.id, answer: 'Chè khô.' }, { token: buyer.token, lang: 'en' }))).toEqual(late);
    expect(await questionRows(needId)).toEqual(before);
    // Reading the need flips it to CLOSED; still closed to questions, and the pending one stays the buyer's and the asker's.
    expect((await api<{ need: { status: string } }>(`query N($id: ID!) { need(id: $id) { status } }`, { id: needId }, { token: coop.token })).data?.need.status).toBe('CLOSED');
    expect(await rows(`SELECT status FROM procurement.needs WHERE id = $1`, [needId])).toEqual([{ status: 'CLOSED' }]);
    expect(errorCode(await api(ASK, { needId, text: 'Còn hỏi được không?' }, { token: coop.token }))).toBe('DEADLINE_PASSED');
    expect(errorCode(await api(ANSWER, { id: q.id, answer: 'Chè khô.' }, { token: buyer.token }))).toBe('DEADLINE_PASSED');
    expect(await questionsOf(needId, buyer.token)).toEqual([{ ...q, mine: false }]);
    expect(await questionsOf(needId, coop.token)).toEqual([q]);
  });

  it('a question asked just before the deadline is taken; one after it is not', async () => {
    const needId = await openNeed(buyer.token, {}, 6);
    await ask(coop.token, needId, 'Trước hạn');
    await deadlinePassed(needId);
    expect(errorCode(await api(ASK, { needId, text: 'Sau hạn' }, { token: coop.token }))).toBe('DEADLINE_PASSED');
    expect((await rows<{ text: string }>(`SELECT text FROM procurement.need_questions WHERE need_id = $1`, [needId])).map((r) => r.text)).toEqual(['Trước hạn']);
  });
});

describe('a MANAGER answers like the OWNER', () => {
  it("the buyer's manager answers, and the cooperative's manager asks", async () => {
    const buyer = await verifiedBuyer('Công ty CP Gạo Sóc Trăng');
    const coop = await verifiedCooperative('HTX Lúa gạo ST25');
    const needId = await openNeed(buyer.token);
    const q = await ask(await memberToken(coop.orgId, 'MANAGER'), needId, 'Độ ẩm tối đa bao nhiêu?');
    expect(await answer(await memberToken(buyer.orgId, 'MANAGER'), q.id, '14%.')).toMatchObject({ answer: '14%.' });
  });
});
