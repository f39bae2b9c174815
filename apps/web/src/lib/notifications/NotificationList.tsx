import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../datetime';
import { useLanguage } from '../i18n';
import { NOTIFY_NS } from '../notify-i18n';
import { internalLink, type NotificationItem, useFollowNotice, useMarkRead } from './notifications';

interface NoticeProps {
  notice: NotificationItem;
  /** Called after the person followed the notice's link (the drawer closes). */
  onOpen?: () => void;
}

/** One notice: what happened, when, where to look; unread ones say so in words, not only in colour. */
function Notice({ notice, onOpen }: NoticeProps) {
  const { t } = useTranslation(NOTIFY_NS);
  const language = useLanguage();
  const { mark } = useMarkRead();
  const follow = useFollowNotice();
  const [failed, setFailed] = useState(false);
  const unread = !notice.readAt;
  const link = internalLink(notice.link);
  const markThis = () => {
    setFailed(false);
    mark([notice.id]).catch(() => setFailed(true));
  };
  return (
    <li
      className={unread ? 'notif notif-unread' : 'notif'}
      data-testid="notification"
      data-kind={notice.kind}
      data-read={unread ? 'false' : 'true'}
    >
      <p className="notif-title">
        {unread && <span className="notif-flag">{t('unread')}</span>}
        <strong>{notice.title}</strong>
      </p>
      <p className="notif-body">{notice.body}</p>
      <div className="notif-foot">
        <time dateTime={notice.createdAt}>{formatDateTime(notice.createdAt, language)}</time>
        {link && (
          <Link
            to={link}
            className="notif-open"
            data-testid="notification-open"
            onClick={() => {
              // Following the notice is reading it.
              if (unread) markThis();
              follow(link);
              onOpen?.();
            }}
          >
            {t('open')}
          </Link>
        )}
        {unread && (
          <Button size="small" onClick={markThis} data-testid="notification-mark-read">
            {t('markRead')}
          </Button>
        )}
      </div>
      {failed && (
        <p className="inline-error" role="alert">
          {t('markFailed')}
        </p>
      )}
    </li>
  );
}

export interface NotificationListProps {
  notices: NotificationItem[];
  empty: string;
  onOpen?: () => void;
}

export function NotificationList({ notices, empty, onOpen }: NotificationListProps) {
  if (notices.length === 0)
    return (
      <p className="muted" data-testid="notifications-empty">
        {empty}
      </p>
    );
  return (
    <ul className="notif-list" data-testid="notification-list">
      {notices.map((notice) => (
        <Notice key={notice.id} notice={notice} onOpen={onOpen} />
      ))}
    </ul>
  );
}

/** "Mark all as read", with its own busy state and failure message. */
export function MarkAllRead({ disabled, testId }: { disabled: boolean; testId: string }) {
  const { t } = useTranslation(NOTIFY_NS);
  const { markAll } = useMarkRead();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await markAll();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => void run()} loading={busy} disabled={disabled} data-testid={testId}>
        {t('markAllRead')}
      </Button>
      {failed && (
        <p className="inline-error" role="alert">
          {t('markFailed')}
        </p>
      )}
    </>
  );
}
