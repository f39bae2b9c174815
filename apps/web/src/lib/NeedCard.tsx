import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NeedStatus, NeedSummaryFieldsFragment, NeedVisibility } from '../gql/graphql';
import { formatDateTime, formatDay } from './datetime';
import { useLanguage } from './i18n';
import { NEED_STATUS_COLOR } from './need-summary';
import { NEEDS_NS } from './needs-i18n';
import { formatQuantity } from './products';

export function NeedStatusTag({ status }: { status: NeedStatus }) {
  const { t } = useTranslation(NEEDS_NS);
  return (
    <Tag color={NEED_STATUS_COLOR[status]} data-testid="need-status" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

/** "Bạn được mời báo giá" to an invited supplier, "Chỉ người được mời" on an INVITED need; else nothing. */
export function NeedAudienceTag({
  need,
}: {
  need: { visibility: NeedVisibility; invitesYou: boolean };
}) {
  const { t } = useTranslation(NEEDS_NS);
  if (need.invitesYou) {
    return (
      <Tag color="volcano" data-testid="need-invites-you">
        {t('audience.invitesYou')}
      </Tag>
    );
  }
  if (need.visibility !== 'INVITED') return null;
  return <Tag data-testid="need-invited-only">{t('audience.tag')}</Tag>;
}

/**
 * One need in a list (my needs, open needs): title linking to its page, status, what, how much,
 * where and until when bids are taken. `editable` adds the draft's "Sửa" link for its buyer.
 */
export function NeedCard({
  need,
  showBuyer = false,
  editable = false,
}: {
  need: NeedSummaryFieldsFragment;
  showBuyer?: boolean;
  editable?: boolean;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  return (
    <li className="my-product need-card" data-testid="need-card" data-need-id={need.id}>
      <div className="my-product-head">
        <Link to={`/nhu-cau/${need.id}`} className="my-product-name">
          {need.title}
        </Link>
        <NeedStatusTag status={need.status} />
        <NeedAudienceTag need={need} />
      </div>
      <p className="muted">
        {need.category.shortName}
        {showBuyer && ` · ${need.buyer.name}`}
      </p>
      <dl className="product-card-facts need-card-facts">
        <div>
          <dt>{t('card.quantity')}</dt>
          <dd>
            {formatQuantity(need.quantity, language)} {need.unit.name}
          </dd>
        </div>
        <div>
          <dt>{t('card.deliver')}</dt>
          <dd>
            {need.deliveryProvince.name},{' '}
            {t('card.window', {
              from: formatDay(need.deliveryFrom, language),
              to: formatDay(need.deliveryTo, language),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('card.deadline')}</dt>
          <dd>{formatDateTime(need.bidDeadline, language)}</dd>
        </div>
      </dl>
      {editable && need.status === 'DRAFT' && (
        <Link to={`/nhu-cau/${need.id}/sua`} className="need-card-edit" data-testid="need-edit">
          {t('mine.edit')}
          <span className="visually-hidden">: {need.title}</span>
        </Link>
      )}
    </li>
  );
}
