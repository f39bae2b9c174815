import { useTranslation } from 'react-i18next';
import type { ModerationQueueQuery } from '../gql/graphql';
import { formatDateTime } from './datetime';
import { useLanguage } from './i18n';

export type QueueItem = ModerationQueueQuery['moderationQueue']['edges'][number]['node'];

/** One waiting item (an organization or a listing) in the moderation queue. */
export function QueueEntry({
  item,
  selected,
  onSelect,
}: {
  item: QueueItem;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li>
      <button
        type="button"
        className="mod-queue-item"
        data-testid="mod-queue-item"
        data-subject-id={item.subjectId}
        aria-pressed={selected}
        onClick={onSelect}
      >
        <span className="mod-queue-summary">{item.summary}</span>
        <span className="mod-queue-meta">
          <time dateTime={item.submittedAt} title={t('admin.timeZoneNote')}>
            {formatDateTime(item.submittedAt, language)}
          </time>
          <span
            className={item.reports > 0 ? 'report-badge report-badge-hot' : 'report-badge'}
            data-testid="mod-report-count"
          >
            {t('moderation.reports', { count: item.reports })}
          </span>
        </span>
      </button>
    </li>
  );
}
