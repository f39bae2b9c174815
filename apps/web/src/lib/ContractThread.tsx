import { NetworkStatus } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
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
// The parties often arrange a delivery with both on the page: a new message should not wait for a
// reload, and one small indexed query per open thread every 15 s costs the server little. Only
// while the tab is shown: a thread in a background tab asks nothing.
const POLL_MS = 15_000;
// Within this many pixels of the end the reader counts as following the newest message.
const FOLLOW_SLACK_PX = 48;

/**
 * The two parties' thread, oldest first with the newest in view at the bottom (the list scrolls on
 * its own, the box to write in stays under it, on a phone too). Staff have no thread. The other
 * party's new messages arrive on their own while the page is shown.
 */
export function ContractThread({ contractId, orgId }: { contractId: string; orgId: string }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  // The last message held: every request (the rest of a long thread, the poll, the read after
  // sending) asks only for what follows it, and the cache adds that to the thread (lib/apollo.ts).
  // Apollo's poll repeats the query's own variables, hence this in them rather than in fetchMore.
  const [after, setAfter] = useState<string>();
  const { data, error, networkStatus, refetch } = useQuery(ContractMessagesDocument, {
    variables: { contractId, first: PAGE, after },
    fetchPolicy: 'cache-and-network',
    pollInterval: POLL_MS,
    skipPollAttempt: () => document.visibilityState !== 'visible',
  });
  const [send] = useMutation(SendContractMessageDocument);
  const [form] = Form.useForm<{ body: string }>();
  const { problems, busy, run, formProps } = useFormSubmit(form, MESSAGE_FIELDS);
  const list = useRef<HTMLOListElement>(null);
  const following = useRef(true);
  const held = data?.contractMessages;
  const last = held?.at(-1)?.id;
  // Set during render, React's way for state that follows a value. An emptied cache (the language
  // switched) holds nothing, not even the old last message: the thread reads from the start again,
  // and shows its skeleton rather than "no messages" until that first page is back.
  if (held && last !== after) setAfter(last);
  const restarting =
    held?.length === 0 && (!!after || networkStatus === NetworkStatus.setVariables);
  const messages = restarting ? undefined : held;
  const count = messages?.length ?? 0;

  useEffect(() => {
    // Someone reading older messages keeps their place; otherwise the new one scrolls into view.
    if (following.current) list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [count]);

  async function submit({ body }: { body: string }) {
    const sent = await run(async () => {
      await send({ variables: { contractId, body: body.trim() } });
      following.current = true;
      await refetch();
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
            onScroll={(e) => {
              const l = e.currentTarget;
              following.current = l.scrollHeight - l.scrollTop - l.clientHeight <= FOLLOW_SLACK_PX;
            }}
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
