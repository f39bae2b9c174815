import { useQuery } from '@apollo/client/react';
import { Segmented } from 'antd';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSignedIn } from '../lib/auth';
import { LoadMore, useLoadMore } from '../lib/LoadMore';
import { MarkAllRead, NotificationList } from '../lib/notifications/NotificationList';
import { NotificationsDocument, useUnreadCount } from '../lib/notifications/notifications';
import { NOTIFY_NS } from '../lib/notify-i18n';
import { appendPage } from '../lib/pagination';
import { QueryFallback } from '../lib/QueryFallback';

const PAGE_SIZE = 20;

/** /thong-bao: every notice of the signed-in person, newest first; `?chua-doc=1` shows unread ones only. */
export default function NotificationsPage() {
  const { t } = useTranslation(NOTIFY_NS);
  const signedIn = useSignedIn();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('chua-doc') === '1';
  const count = useUnreadCount();
  const { data, error, refetch, fetchMore } = useQuery(NotificationsDocument, {
    variables: { unreadOnly, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    skip: !signedIn,
  });
  const more = useLoadMore(() =>
    fetchMore({
      variables: { after: data?.notifications.pageInfo.endCursor },
      updateQuery: (shown, { fetchMoreResult }) => ({
        notifications: appendPage(shown.notifications, fetchMoreResult.notifications),
      }),
    }),
  );
  if (!signedIn) return <Navigate to="/dang-nhap" replace state={{ from: '/thong-bao' }} />;
  const connection = data?.notifications;
  return (
    <div className="page notifications-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="notifications-toolbar">
        <Segmented
          aria-label={t('show')}
          value={unreadOnly ? 'unread' : 'all'}
          options={[
            { value: 'all', label: t('showAll') },
            { value: 'unread', label: t('showUnread') },
          ]}
          onChange={(value) =>
            setParams(value === 'unread' ? { 'chua-doc': '1' } : {}, { replace: true })
          }
          data-testid="notifications-filter"
        />
        <span className="muted" data-testid="notifications-unread" aria-live="polite">
          {count > 0 ? t('unreadCount', { count }) : t('allRead')}
        </span>
        <MarkAllRead disabled={count === 0} testId="notifications-mark-all" />
      </div>
      {connection ? (
        <>
          <NotificationList
            notices={connection.edges.map((edge) => edge.node)}
            empty={unreadOnly ? t('emptyUnread') : t('empty')}
          />
          {connection.pageInfo.hasNextPage && (
            <LoadMore
              loading={more.loading}
              failed={more.failed}
              onLoad={() => void more.run()}
              testId="notifications-more"
            />
          )}
        </>
      ) : (
        <QueryFallback
          answered={false}
          error={error}
          onRetry={() => void refetch()}
          loadError={t('loadError')}
        />
      )}
    </div>
  );
}
