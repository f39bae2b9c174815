import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { ContractMessagesQuery } from '../gql/graphql';
import { CONTRACTS_NS } from './contracts-i18n';
import { formatDateTime } from './datetime';
import { FormProblems } from './FormProblems';
import { useLanguage } from './i18n';
import { QueryFallback } from './QueryFallback';
import { useFormSubmit } from './use-form-submit';

const ContractMessagesDocument = graphql(`
  query ContractMessages($contractId: ID!, $first: Int!, $after: String) {
    contractMessages(contractId: $contractId, first: $first, after: $after) {
      id
      body
      createdAt
      sender {
        id
        name
      }
    }
  }
`);
const SendContractMessageDocument = graphql(`
  mutation SendContractMessage($contractId: ID!, $body: String!) {
    sendContractMessage(contractId: $contractId, body: $body) {
      id
    }
  }
`);

type Message = ContractMessagesQuery['contractMessages'][number];

/** The API's largest page; the thread reads on until a page comes back short. */
const PAGE = 100;
const BODY_MAX_LENGTH = 2000;
const MESSAGE_FIELDS = { body: 'body' } as const;

/**
 * The two parties' thread, oldest first with the newest in view at the bottom (the list scrolls on
 * its own, the box to write in stays under it, on a phone too). Staff have no thread.
 */
export function ContractThread({ contractId, orgId }: { contractId: string; orgId: string }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  const { data, error, refetch, fetchMore } = useQuery(ContractMessagesDocument, {
    variables: { contractId, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [send] = useMutation(SendContractMessageDocument);
  const [form] = Form.useForm<{ body: string }>();
  const { problems, busy, run, formProps } = useFormSubmit(form, MESSAGE_FIELDS);
  const list = useRef<HTMLOListElement>(null);
  const messages = data?.contractMessages;
  const count = messages?.length ?? 0;

  // The messages after the last one shown: the rest of a long thread, or what was just sent.
  const readOn = (after: string | undefined) =>
    fetchMore({
      variables: { after },
      updateQuery: (shown, { fetchMoreResult }) => ({
        contractMessages: [...shown.contractMessages, ...fetchMoreResult.contractMessages],
      }),
    });

  useEffect(() => {
    if (count > 0 && count % PAGE === 0) void readOn(messages?.[count - 1].id);
    list.current?.scrollTo({ top: list.current.scrollHeight });
    // Follows the number of messages only: a new one scrolls into view, a full page reads on.
  }, [count]);

  async function submit({ body }: { body: string }) {
    const sent = await run(async () => {
      await send({ variables: { contractId, body: body.trim() } });
      await readOn(messages?.[count - 1]?.id);
    });
    if (sent) form.resetFields();
  }

  return (
    <section className="card contract-thread" aria-labelledby="contract-thread">
      <h2 id="contract-thread">{t('thread.title')}</h2>
      {messages ? (
        messages.length === 0 ? (
          <p className="muted" data-testid="thread-empty">
            {t('thread.empty')}
          </p>
        ) : (
          <ol
            ref={list}
            className="thread-list"
            aria-label={t('thread.label')}
            aria-live="polite"
            tabIndex={0}
            data-testid="thread"
          >
            {messages.map((m: Message) => (
              <li
                key={m.id}
                className={m.sender.id === orgId ? 'thread-mine' : undefined}
                data-testid="thread-message"
              >
                <p className="thread-meta muted">
                  {m.sender.id === orgId ? t('thread.you') : m.sender.name} ·{' '}
                  <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, language)}</time>
                </p>
                <p className="pre-wrap">{m.body}</p>
              </li>
            ))}
          </ol>
        )
      ) : (
        <QueryFallback
          answered={false}
          error={error}
          onRetry={() => void refetch()}
          loadError={t('thread.loadError')}
          rows={3}
        />
      )}
      <Form
        {...formProps}
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        className="thread-form"
      >
        <Form.Item
          name="body"
          label={t('thread.body')}
          rules={[{ required: true, whitespace: true, message: t('thread.bodyRequired') }]}
        >
          <textarea
            className="reason-input"
            rows={2}
            maxLength={BODY_MAX_LENGTH}
            data-testid="thread-body"
          />
        </Form.Item>
        <FormProblems problems={problems} />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="thread-send">
          {t('thread.send')}
        </Button>
      </Form>
    </section>
  );
}
