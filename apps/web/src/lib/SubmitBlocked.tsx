import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VerificationStatus } from '../gql/graphql';
import { ONBOARD_NS } from './onboard-i18n';

/**
 * Why "Gửi duyệt" is disabled while the organization is not verified, said before the click
 * (decision 84). The button points at it with `aria-describedby="submit-blocked"`.
 */
export function SubmitBlocked({ verification }: { verification: VerificationStatus }) {
  const { t } = useTranslation(ONBOARD_NS);
  return (
    <Alert
      id="submit-blocked"
      className="form-notice"
      type="warning"
      showIcon
      data-testid="submit-blocked"
      title={t('submit.blockedTitle')}
      description={
        <>
          <p>
            {t(`submit.${verification === 'VERIFIED' ? 'PENDING_VERIFICATION' : verification}`)}
          </p>
          <Link to="/to-chuc/tai-lieu">{t('submit.documents')}</Link>
        </>
      }
    />
  );
}
