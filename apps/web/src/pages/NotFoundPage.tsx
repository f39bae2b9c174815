import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow notice">
      <h1>{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundBody')}</p>
      <Link to="/" className="link-button link-button-primary">
        {t('errors.backHome')}
      </Link>
    </div>
  );
}
