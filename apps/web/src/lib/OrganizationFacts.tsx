import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffOrganizationQuery, VerificationStatus } from '../gql/graphql';
import { formatDateTime } from './datetime';
import { TaxCodeState } from './DeskEvidence';
import { Field } from './Field';
import { useLanguage } from './i18n';
import { VERIFICATION_STYLE } from './verification';

/** One organization as platform staff read it (OrganizationReview's query). */
export type StaffOrganization = NonNullable<StaffOrganizationQuery['organization']>;

/** What the organization said of itself, and when it signed up. */
export function OrganizationFacts({ organization }: { organization: StaffOrganization }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const missing = <span className="muted">{t('admin.notProvided')}</span>;
  return (
    <dl className="fields">
      <Field label={t('moderation.fields.kind')}>{t(`kind.${organization.kind}`)}</Field>
      <Field label={t('moderation.fields.taxCode')}>
        <span className="mono">{organization.taxCode}</span>{' '}
        <TaxCodeState valid={organization.taxCodeValid} />
      </Field>
      <Field label={t('moderation.fields.province')}>{organization.province.name}</Field>
      <Field label={t('moderation.fields.address')}>{organization.address ?? missing}</Field>
      <Field label={t('moderation.fields.phone')}>
        {organization.phone ? (
          <a href={`tel:${organization.phone}`}>{organization.phone}</a>
        ) : (
          missing
        )}
      </Field>
      <Field label={t('moderation.fields.memberCount')}>
        {organization.memberCount ?? missing}
      </Field>
      <Field label={t('moderation.fields.createdAt')}>
        <time dateTime={organization.createdAt} title={t('admin.timeZoneNote')}>
          {formatDateTime(organization.createdAt, language)}
        </time>
      </Field>
      <Field label={t('moderation.fields.id')}>
        <span className="mono selectable">{organization.id}</span>
      </Field>
    </dl>
  );
}

/** Its verification status, with the note of the last decision. */
export function OrganizationStatusLine({ organization }: { organization: StaffOrganization }) {
  const { t } = useTranslation();
  const status: VerificationStatus = organization.verification;
  return (
    <div className="review-status">
      <Tag
        color={VERIFICATION_STYLE[status].tag}
        data-testid="mod-detail-status"
        data-status={status}
      >
        {t(`verification.${status}.label`)}
      </Tag>
      {organization.verificationNote && (
        <p className="review-note">
          <span className="muted">{t('moderation.fields.note')}:</span>{' '}
          {organization.verificationNote}
        </p>
      )}
    </div>
  );
}
