import { useMutation } from '@apollo/client/react';
import { Button, Form, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { graphql } from '../gql';
import type { NeedQuestionFieldsFragment, NeedStatus } from '../gql/graphql';
import { useSignedIn } from './auth';
import { formatDateTime } from './datetime';
import { apiErrorsOf, hasErrorCode } from './errors';
import { FormProblems } from './FormProblems';
import { useLanguage } from './i18n';
import { NEEDS_NS } from './needs-i18n';
import { useFormSubmit } from './use-form-submit';

/** A question as the need page shows it; who asked is not in the API at all. */
export const NeedQuestionFields = graphql(`
  fragment NeedQuestionFields on NeedQuestion {
    id
    text
    answer
    askedAt
    answeredAt
    mine
  }
`);

const AskQuestionDocument = graphql(`
  mutation AskQuestion($needId: ID!, $text: String!) {
    askQuestion(needId: $needId, text: $text) {
      ...NeedQuestionFields
    }
  }
`);

const AnswerQuestionDocument = graphql(`
  mutation AnswerQuestion($questionId: ID!, $answer: String!) {
    answerQuestion(questionId: $questionId, answer: $answer) {
      ...NeedQuestionFields
    }
  }
`);

// The server's limits (libs/procurement/src/questions/dto/question.schema.ts).
const QUESTION_MAX_LENGTH = 1000;
const ANSWER_MAX_LENGTH = 2000;

type Question = NeedQuestionFieldsFragment;

export interface QuestionsNeed {
  id: string;
  status: NeedStatus;
  questions: readonly Question[];
}

/** Who reads the Q&A, as far as the page knows (the server decides anyway). */
export interface QuestionsReader {
  /** A member of the need's buyer: reads pending questions. */
  buys: boolean;
  /** The buyer's OWNER or MANAGER: answers them. */
  manages: boolean;
  /** A cooperative's OWNER or MANAGER: asks (verification is the server's to judge). */
  canAsk: boolean;
  cooperative: boolean;
}

/**
 * One text box and its button, for a question or an answer: the server's refusal shows on the
 * box; a DEADLINE_PASSED one (the page's clock may lag the server's) closes the Q&A instead.
 */
function TextForm({
  name,
  label,
  maxLength,
  submitLabel,
  testId,
  send,
  onSent,
  onClosed,
}: {
  name: 'text' | 'answer';
  label: string;
  maxLength: number;
  submitLabel: string;
  testId: string;
  send: (text: string) => Promise<unknown>;
  onSent: () => void;
  onClosed: (message: string) => void;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const [form] = Form.useForm<Record<string, string>>();
  const value = Form.useWatch(name, form) as string | undefined;
  const { problems, busy, run, formProps } = useFormSubmit(form, { [name]: name });

  async function submit(values: Record<string, string>) {
    let late = false;
    const ok = await run(async () => {
      try {
        await send(values[name].trim());
      } catch (failure) {
        if (!hasErrorCode(failure, 'DEADLINE_PASSED')) throw failure;
        late = true;
        onClosed(apiErrorsOf(failure)[0]?.message ?? t('qa.closed'));
      }
    });
    if (ok && !late) {
      form.resetFields();
      onSent();
    }
  }

  return (
    <Form<Record<string, string>>
      {...formProps}
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void submit(values)}
      noValidate
    >
      <Form.Item
        name={name}
        label={label}
        extra={`${value?.length ?? 0} / ${maxLength}`}
        rules={[{ required: true, whitespace: true, message: t('qa.required') }]}
      >
        <textarea
          className="reason-input"
          rows={3}
          maxLength={maxLength}
          data-testid={`${testId}-input`}
        />
      </Form.Item>
      <FormProblems problems={problems} />
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        loading={busy}
        data-testid={`${testId}-submit`}
      >
        {submitLabel}
      </Button>
    </Form>
  );
}

function QuestionItem({ question, children }: { question: Question; children?: ReactNode }) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  return (
    <li className="qa-item" data-testid="qa-item" data-question={question.id}>
      <p className="qa-question">
        <span className="qa-mark">{t('qa.q')}</span>
        <span className="pre-wrap" data-testid="qa-question">
          {question.text}
        </span>
        {question.mine && question.answer && <Tag className="qa-mine">{t('qa.mine')}</Tag>}
      </p>
      {question.answer ? (
        <p className="qa-answer">
          <span className="qa-mark">{t('qa.a')}</span>
          <span className="pre-wrap" data-testid="qa-answer">
            {question.answer}
          </span>
        </p>
      ) : (
        <p className="muted" data-testid="qa-pending">
          {t('qa.pending', { at: formatDateTime(question.askedAt, language) })}
        </p>
      )}
      {children}
    </li>
  );
}

/**
 * "Hỏi đáp" on the need page: the answered questions for everyone who reads the need; the buyer's
 * pending ones with an answer box for its owners and managers; a cooperative's own pending ones;
 * and the ask form for a cooperative's owners and managers while the need is OPEN.
 */
export function NeedQuestions({
  need,
  reader,
  onChanged,
}: {
  need: QuestionsNeed;
  reader: QuestionsReader;
  onChanged: () => void;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const signedIn = useSignedIn();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(null);
  const [closedBy, setClosedBy] = useState<string | null>(null);
  const [askQuestion] = useMutation(AskQuestionDocument);
  const [answerQuestion] = useMutation(AnswerQuestionDocument);
  const open = need.status === 'OPEN' && !closedBy;
  const answered = need.questions.filter((q) => q.answer);
  const pending = need.questions.filter((q) => !q.answer);
  const closed = (message: string) => {
    setClosedBy(message);
    onChanged();
  };
  const sent = (message: string) => {
    setNotice(message);
    onChanged();
  };

  let ask = null;
  if (open && !reader.buys) {
    if (!signedIn) {
      ask = (
        <Link
          to="/dang-nhap"
          state={{ from: location.pathname }}
          className="link-button"
          data-testid="qa-sign-in"
        >
          {t('qa.signIn')}
        </Link>
      );
    } else if (reader.canAsk) {
      ask = (
        <TextForm
          name="text"
          label={t('qa.askLabel')}
          maxLength={QUESTION_MAX_LENGTH}
          submitLabel={t('qa.ask')}
          testId="qa-ask"
          send={(text) => askQuestion({ variables: { needId: need.id, text } })}
          onSent={() => sent(t('qa.asked'))}
          onClosed={closed}
        />
      );
    } else {
      ask = (
        <p className="muted">{t(reader.cooperative ? 'qa.managersOnly' : 'qa.cooperativesOnly')}</p>
      );
    }
  }

  return (
    <section className="card need-qa" aria-labelledby="need-qa" data-testid="need-qa">
      <h2 id="need-qa">{t('qa.title')}</h2>
      <p className="muted">{t(reader.buys ? 'qa.helpBuyer' : 'qa.help')}</p>
      {answered.length > 0 ? (
        <ul className="qa-list" data-testid="qa-answered">
          {answered.map((q) => (
            <QuestionItem key={q.id} question={q} />
          ))}
        </ul>
      ) : (
        <p className="muted" data-testid="qa-none">
          {t('qa.none')}
        </p>
      )}
      {pending.length > 0 && (
        <>
          <h3>{t(reader.buys ? 'qa.waiting' : 'qa.yours')}</h3>
          <ul className="qa-list" data-testid="qa-waiting">
            {pending.map((q) => (
              <QuestionItem key={q.id} question={q}>
                {reader.manages && open && (
                  <TextForm
                    name="answer"
                    label={t('qa.answerLabel')}
                    maxLength={ANSWER_MAX_LENGTH}
                    submitLabel={t('qa.answer')}
                    testId="qa-answer"
                    send={(answer) => answerQuestion({ variables: { questionId: q.id, answer } })}
                    onSent={() => sent(t('qa.answered'))}
                    onClosed={closed}
                  />
                )}
              </QuestionItem>
            ))}
          </ul>
        </>
      )}
      {notice && open && (
        <p className="form-notice" role="status" data-testid="qa-notice">
          {notice}
        </p>
      )}
      {!open && (
        <p className="muted" role={closedBy ? 'alert' : undefined} data-testid="qa-closed">
          {closedBy ?? t('qa.closed')}
        </p>
      )}
      {ask}
    </section>
  );
}
