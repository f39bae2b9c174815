import { ApolloProvider, useQuery } from '@apollo/client/react';
import { Button, ConfigProvider, Drawer, Skeleton } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { client } from '../apollo';
import { useLanguage } from '../i18n';
import { NOTIFY_NS } from '../notify-i18n';
import { theme } from '../theme';
import { MarkAllRead, NotificationList } from './NotificationList';
import { NotificationsDocument, useUnreadCount } from './notifications';

const RECENT = 8;

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Zm-2 1H7v-6a5 5 0 0 1 10 0v6Z"
      />
    </svg>
  );
}

/** The latest notices, fetched when the drawer opens (and again each time it does). */
function Recent({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation(NOTIFY_NS);
  const { data, error, refetch } = useQuery(NotificationsDocument, {
    variables: { first: RECENT },
    fetchPolicy: 'cache-and-network',
  });
  if (!data) {
    if (error) {
      return (
        <p className="inline-error" role="alert">
          {t('loadError')}{' '}
          <Button type="link" onClick={() => void refetch()}>
            {t('retry')}
          </Button>
        </p>
      );
    }
    return <Skeleton active paragraph={{ rows: 4 }} />;
  }
  return (
    <NotificationList
      notices={data.notifications.edges.map((edge) => edge.node)}
      empty={t('empty')}
      onOpen={onOpen}
    />
  );
}

function Bell() {
  const { t } = useTranslation(NOTIFY_NS);
  const count = useUnreadCount();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <button
        type="button"
        className="notify-bell"
        data-testid="notify-bell"
        aria-label={count > 0 ? t('bellUnread', { count }) : t('bell')}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        <BellIcon />
        {count > 0 && (
          <span className="notify-badge" data-testid="notify-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      <Drawer
        open={open}
        onClose={close}
        placement="right"
        size="min(420px, 100vw)"
        title={t('recent')}
        closable={{ 'aria-label': t('close') }}
        rootClassName="notify-drawer"
        destroyOnHidden
        data-testid="notify-drawer"
        footer={
          <div className="notify-drawer-footer">
            <MarkAllRead disabled={count === 0} testId="notify-mark-all" />
            <Link to="/thong-bao" onClick={close} data-testid="notify-see-all">
              {t('seeAll')}
            </Link>
          </div>
        }
      >
        <p className="muted notify-drawer-count" aria-live="polite">
          {count > 0 ? t('unreadCount', { count }) : t('allRead')}
        </p>
        {open && <Recent onOpen={close} />}
      </Drawer>
    </>
  );
}

/**
 * The header's bell, in a chunk of its own that only signed-in people load: the header lives
 * outside AppShell, so it brings its own Apollo provider (the same client and cache as the pages)
 * and antd's theme.
 */
export default function BellMenu() {
  const language = useLanguage();
  return (
    <ApolloProvider client={client}>
      <ConfigProvider locale={language === 'en' ? enUS : viVN} theme={theme}>
        <Bell />
      </ConfigProvider>
    </ApolloProvider>
  );
}
