import { useMutation } from '@apollo/client/react';
import { Button, Form, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphql } from '../gql';
import type { ContractDetail } from './ContractParts';
import { CONTRACTS_NS } from './contracts-i18n';
import { apiErrorsOf } from './errors';
import { FormProblems } from './FormProblems';
import { useFormSubmit } from './use-form-submit';

const ReviewContractDocument = graphql(`
  mutation ReviewContract($contractId: ID!, $rating: Int!, $comment: String) {
    reviewContract(contractId: $contractId, rating: $rating, comment: $comment) {
      ...ContractDetailFields
    }
  }
`);
const ReorderDocument = graphql(`
  mutation Reorder($contractId: ID!) {
    reorder(contractId: $contractId) {
      id
    }
  }
`);

const COMMENT_MAX_LENGTH = 1000;
const RATINGS = [1, 2, 3, 4, 5] as const;
const REVIEW_FIELDS = { rating: 'rating', comment: 'comment' } as const;

interface ReviewValues {
  rating?: number;
  comment?: string;
}

/** After completion each side rates the other once, 1 to 5, with an optional comment. */
export function ReviewForm({ contract: c, orgId }: { contract: ContractDetail; orgId: string }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const [form] = Form.useForm<ReviewValues>();
  const [review] = useMutation(ReviewContractDocument);
  const { problems, busy, run, formProps } = useFormSubmit(form, REVIEW_FIELDS);
  if (c.status !== 'COMPLETED') return null;
  const mine = c.reviews.find((r) => r.reviewer.id === orgId);
  if (mine) {
    return (
      <p className="muted" data-testid="review-given">
        {t('review.given', { rating: mine.rating })}
      </p>
    );
  }
  async function submit(values: ReviewValues) {
    await run(() =>
      review({
        variables: {
          contractId: c.id,
          rating: values.rating ?? 0,
          comment: values.comment?.trim() || null,
        },
      }),
    );
  }
  return (
    <section aria-labelledby="contract-review">
      <h3 id="contract-review">{t('review.title')}</h3>
      <p className="muted">{t('review.help')}</p>
      <Form<ReviewValues>
        {...formProps}
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        data-testid="review"
      >
        <Form.Item
          name="rating"
          label={t('review.rating')}
          rules={[{ required: true, message: t('review.ratingRequired') }]}
        >
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="review-rating">
            {RATINGS.map((n) => (
              <Radio.Button key={n} value={n} data-testid={`review-rating-${n}`}>
                {`${n} ★`}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label={t('review.comment')}>
          <textarea
            className="reason-input"
            rows={3}
            maxLength={COMMENT_MAX_LENGTH}
            data-testid="review-comment"
          />
        </Form.Item>
        <FormProblems problems={problems} />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="review-submit">
          {t('review.submit')}
        </Button>
      </Form>
    </section>
  );
}

/** "Đặt lại": a new draft need from this contract, opened in its editor for the buyer to check. */
export function ReorderButton({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const navigate = useNavigate();
  const [reorder, { loading }] = useMutation(ReorderDocument);
  const [problem, setProblem] = useState<string[]>([]);
  if (c.status !== 'COMPLETED') return null;
  async function run() {
    setProblem([]);
    try {
      const r = await reorder({ variables: { contractId: c.id } });
      if (r.data) void navigate(`/nhu-cau/${r.data.reorder.id}/sua`);
    } catch (e) {
      setProblem([apiErrorsOf(e)[0]?.message ?? t('errors.network', { ns: 'translation' })]);
    }
  }
  return (
    <section aria-labelledby="contract-reorder">
      <h3 id="contract-reorder">{t('reorder.submit')}</h3>
      <p className="muted">{t('reorder.help')}</p>
      <FormProblems problems={problem} />
      <Button loading={loading} data-testid="reorder" onClick={() => void run()}>
        {t('reorder.submit')}
      </Button>
    </section>
  );
}
