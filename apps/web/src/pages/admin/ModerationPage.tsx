import { Alert, Tabs } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { PlatformRole } from '../../gql/graphql';
import { AdminHeader } from '../../lib/AdminHeader';
import { OrganizationSearch, QueueCounts } from '../../lib/DeskSearch';
import { LoadMore } from '../../lib/LoadMore';
import {
  OrganizationReview,
  type ReviewOutcome,
  type StaffOrganization,
} from '../../lib/OrganizationReview';
import { NeedModerationReview } from '../../lib/NeedModerationReview';
import { NEEDS_NS } from '../../lib/needs-i18n';
import { ProductReview } from '../../lib/ProductReview';
import { PRODUCTS_NS } from '../../lib/products-i18n';
import { QueueEntry } from '../../lib/QueueEntry';
import { QueueSubjectSwitch, type QueueSubject } from '../../lib/QueueSubjectSwitch';
import { StaffGate } from '../../lib/StaffGate';
import { QueryFallback } from '../../lib/QueryFallback';
import { usePagedQuery } from '../../lib/use-paged-query';

const ModerationQueueDocument = graphql(`
  query ModerationQueue($subject: ModerationSubject!, $first: Int!, $after: String) {
    moderationQueue(subject: $subject, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          subject
          subjectId
          summary
          submittedAt
          reports
        }
      }
    }
  }
`);

const STAFF: readonly PlatformRole[] = ['ADMIN', 'MODERATOR'];
const PAGE_SIZE = 20;
// Below this width the list and the detail stack (see .mod-layout in styles.css).
const STACKED = '(max-width: 959px)';

/** The words each queue has of its own (organizations', listings' and needs' alike). */
type QueueText = 'queueLabel' | 'queueCount' | 'queueHint' | 'empty' | 'pickOne' | 'detailLabel';

type SuccessReporter = (outcome: ReviewOutcome, organization: StaffOrganization) => void;

function VerificationQueue({
  role,
  subject,
  onSuccess,
  onProductDone,
}: {
  role: PlatformRole;
  subject: QueueSubject;
  onSuccess: SuccessReporter;
  onProductDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { t: tp } = useTranslation(PRODUCTS_NS);
  const { t: tn } = useTranslation(NEEDS_NS);
  const products = subject === 'PRODUCT';
  // The queue's own words: organizations' in the main texts, listings' and needs' in theirs.
  const tq = (key: QueueText, options?: { count: number }): string =>
    subject === 'NEED'
      ? tn(`review.${key}`, options)
      : products
        ? tp(`review.${key}`, options)
        : t(`moderation.${key}`, options);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const detailRef = useRef<HTMLElement>(null);
  const {
    page: queue,
    error,
    refetch,
    more,
    updateQuery,
  } = usePagedQuery(ModerationQueueDocument, { subject, first: PAGE_SIZE }, 'moderationQueue');

  useEffect(() => {
    // Stacked on a phone, the detail opens below the list, out of sight: bring it into view.
    if (selectedId && window.matchMedia(STACKED).matches) {
      detailRef.current?.scrollIntoView({ block: 'start' });
    }
  }, [selectedId]);

  const emptiedPage = queue !== undefined && queue.edges.length === 0 && queue.pageInfo.hasNextPage;
  useEffect(() => {
    // Every item shown was decided, but more are waiting: fetch them rather than show a blank list.
    if (emptiedPage) void refetch().catch(() => undefined);
  }, [emptiedPage, refetch]);

  function removeFromQueue(subjectId: string) {
    updateQuery((_, { complete, previousData }) => {
      if (!complete) return;
      const { moderationQueue } = previousData;
      const { totalCount } = moderationQueue;
      return {
        ...previousData,
        moderationQueue: {
          ...moderationQueue,
          totalCount: totalCount == null ? totalCount : Math.max(0, totalCount - 1),
          edges: moderationQueue.edges.filter((edge) => edge.node.subjectId !== subjectId),
        },
      };
    });
  }

  if (!queue) {
    return (
      <QueryFallback
        answered={false}
        error={error}
        onRetry={() => void refetch()}
        loadError={t('moderation.loadError')}
        rows={6}
      />
    );
  }

  const items = queue.edges.map((edge) => edge.node);
  return (
    <div className="mod-layout">
      <section className="mod-queue" aria-labelledby="mod-queue-title">
        <h2 id="mod-queue-title" className="visually-hidden">
          {tq('queueLabel')}
        </h2>
        <p className="muted mod-queue-hint">
          {queue.totalCount != null && (
            <strong>{tq('queueCount', { count: queue.totalCount })}. </strong>
          )}
          {tq('queueHint')}
        </p>
        {items.length === 0 && !emptiedPage ? (
          <p className="mod-empty" data-testid="mod-empty">
            {tq('empty')}
          </p>
        ) : (
          <ul className="mod-queue-list">
            {items.map((item) => (
              <QueueEntry
                key={item.id}
                item={item}
                selected={item.subjectId === selectedId}
                onSelect={() => setSelectedId(item.subjectId)}
              />
            ))}
          </ul>
        )}
        {queue.pageInfo.hasNextPage && (
          <LoadMore
            loading={more.loading}
            failed={more.failed}
            onLoad={() => void more.run()}
            testId="mod-load-more"
          />
        )}
      </section>
      <section
        ref={detailRef}
        className={selectedId ? 'mod-detail' : 'mod-detail mod-detail-empty'}
        aria-label={tq('detailLabel')}
      >
        {selectedId && subject === 'NEED' ? (
          <NeedModerationReview
            key={selectedId}
            id={selectedId}
            onDone={(outcome, need) => {
              removeFromQueue(need.id);
              setSelectedId(null);
              onProductDone(tn(`review.${outcome}`, { name: need.title }));
            }}
            onStale={() => void refetch().catch(() => undefined)}
          />
        ) : selectedId && products ? (
          <ProductReview
            key={selectedId}
            id={selectedId}
            onDone={(outcome, product) => {
              removeFromQueue(product.id);
              setSelectedId(null);
              onProductDone(tp(`review.${outcome}`, { name: product.name }));
            }}
            onStale={() => void refetch().catch(() => undefined)}
          />
        ) : selectedId ? (
          <OrganizationReview
            key={selectedId}
            id={selectedId}
            role={role}
            onDone={(outcome, organization) => {
              removeFromQueue(organization.id);
              setSelectedId(null);
              onSuccess(outcome, organization);
            }}
            onStale={() => void refetch().catch(() => undefined)}
          />
        ) : (
          <p className="muted">{tq('pickOne')}</p>
        )}
      </section>
    </div>
  );
}

// The queue's subject in the address, so a link or a reload keeps it.
const SUBJECT_PARAM: Record<QueueSubject, string | null> = {
  ORGANIZATION: null,
  PRODUCT: 'san-pham',
  NEED: 'nhu-cau',
};

/** The queue tab: organizations, listings (`?loai=san-pham`) or needs (`?loai=nhu-cau`). */
function QueueTab({
  role,
  onSuccess,
  onProductDone,
}: {
  role: PlatformRole;
  onSuccess: SuccessReporter;
  onProductDone: (message: string) => void;
}) {
  const [params, setParams] = useSearchParams();
  const loai = params.get('loai');
  const subject =
    (Object.keys(SUBJECT_PARAM) as QueueSubject[]).find((s) => SUBJECT_PARAM[s] === loai) ??
    'ORGANIZATION';
  return (
    <>
      <QueueSubjectSwitch
        subject={subject}
        onChange={(next) => {
          const value = SUBJECT_PARAM[next];
          setParams(value ? { loai: value } : {});
        }}
      />
      {/* Keyed: a selection in one list means nothing in the other. */}
      <VerificationQueue
        key={subject}
        role={role}
        subject={subject}
        onSuccess={onSuccess}
        onProductDone={onProductDone}
      />
    </>
  );
}

function ModerationConsole({ role }: { role: PlatformRole }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [success, setSuccess] = useState<string | null>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const tab = params.get('tab') === 'to-chuc' ? 'organizations' : 'queue';

  useEffect(() => {
    // Stacked on a phone, the decision was taken far down the page: show that it went through.
    if (success && window.matchMedia(STACKED).matches) {
      successRef.current?.scrollIntoView({ block: 'nearest' });
    }
  }, [success]);

  // Every decision changes the counts above the tabs: re-read them.
  const [decisions, setDecisions] = useState(0);
  const reportSuccess: SuccessReporter = (outcome, organization) => {
    setDecisions((n) => n + 1);
    setSuccess(t(`moderation.success.${outcome}`, { name: organization.name }));
  };
  const reportProductDone = (message: string) => {
    setDecisions((n) => n + 1);
    setSuccess(message);
  };

  function switchTab(key: string) {
    setSuccess(null);
    const next = new URLSearchParams();
    if (key === 'organizations') next.set('tab', 'to-chuc');
    // The organization being looked at stays in the URL, so going back to its tab reopens it.
    const id = params.get('id');
    if (id) next.set('id', id);
    setParams(next);
  }

  return (
    <>
      <AdminHeader role={role} title={t('admin.title')} />
      <QueueCounts version={decisions} />
      {success && (
        <div ref={successRef} className="mod-success">
          <Alert
            type="success"
            showIcon
            closable={{ afterClose: () => setSuccess(null) }}
            data-testid="mod-success"
            role="status"
            title={success}
          />
        </div>
      )}
      <Tabs
        activeKey={tab}
        onChange={switchTab}
        destroyOnHidden
        items={[
          {
            key: 'queue',
            label: t('moderation.tabQueue'),
            children: (
              <QueueTab role={role} onSuccess={reportSuccess} onProductDone={reportProductDone} />
            ),
          },
          {
            key: 'organizations',
            label: t('moderation.tabOrganizations'),
            children: <OrganizationSearch role={role} onSuccess={reportSuccess} />,
          },
        ]}
      />
    </>
  );
}

export default function ModerationPage() {
  return (
    <div className="page admin">
      <StaffGate roles={STAFF}>{(role) => <ModerationConsole role={role} />}</StaffGate>
    </div>
  );
}
