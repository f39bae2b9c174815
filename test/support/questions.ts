import { api, rows } from './e2e';

// The public Q&A of a need through the gateway (askQuestion, answerQuestion, ProcurementNeed.questions).

export const QUESTION_FIELDS = `id text answer askedAt answeredAt mine`;
export const ASK = `mutation A($needId: ID!, $text: String!) { askQuestion(needId: $needId, text: $text) { ${QUESTION_FIELDS} } }`;
export const ANSWER = `mutation A($id: ID!, $answer: String!) { answerQuestion(questionId: $id, answer: $answer) { ${QUESTION_FIELDS} } }`;
export const QUESTIONS = `query Q($id: ID!) { need(id: $id) { id questions { ${QUESTION_FIELDS} } } }`;

export interface QuestionShape {
  id: string;
  text: string;
  answer: string | null;
  askedAt: string;
  answeredAt: string | null;
  mine: boolean;
}

/** Asks and returns the question (failing loudly otherwise). */
export async function ask(token: string, needId: string, text: string): Promise<QuestionShape> {
  const r = await api<{ askQuestion: QuestionShape }>(ASK, { needId, text }, { token });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.askQuestion;
}

/** Answers and returns the question (failing loudly otherwise). */
export async function answer(token: string, id: string, text: string): Promise<QuestionShape> {
  const r = await api<{ answerQuestion: QuestionShape }>(ANSWER, { id, answer: text }, { token });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.answerQuestion;
}

/** The questions a caller reads on a need (failing loudly on an error). */
export async function questionsOf(needId: string, token?: string): Promise<QuestionShape[]> {
  const r = await api<{ need: { questions: QuestionShape[] } }>(QUESTIONS, { id: needId }, { token });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.need.questions;
}

/** Every row about a need's questions and their events, to compare before and after a refused call. */
export async function questionRows(needId: string): Promise<unknown> {
  const [r] = await rows<{ f: unknown }>(
    `SELECT json_build_object(
       'questions', (SELECT json_agg(q ORDER BY q.id) FROM procurement.need_questions q WHERE q.need_id = $1),
       'outbox', (SELECT json_agg(json_build_object('id', o.id, 'type', o.event_type) ORDER BY o.id) FROM procurement.outbox o
                   WHERE o.payload ->> 'needId' = $1::text AND o.event_type LIKE 'question.%')
     ) AS f`,
    [needId],
  );
  return r.f;
}
