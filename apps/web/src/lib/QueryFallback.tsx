import { Alert, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from './errors';

export interface QueryFallbackProps {
  /** The query answered (possibly with null: then `notFound` is shown). */
  answered: boolean;
  error: unknown;
  onRetry: () => void;
  /** Shown when the query answered with nothing: another organization's object does not exist. */
  notFound?: { title: string; testId: string };
  loadError: string;
  rows?: number;
}

/** What a page shows instead of its object: not found, a failed load with a retry, or loading. */
export function QueryFallback({
  answered,
  error,
  onRetry,
  notFound,
  loadError,
  rows = 8,
}: QueryFallbackProps) {
  const { t } = useTranslation();
  if (answered && notFound)
    return <Alert type="info" showIcon title={notFound.title} data-testid={notFound.testId} />;
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={loadError}
        description={apiErrorsOf(error)[0]?.message ?? t('errors.network')}
        action={<Button onClick={onRetry}>{t('admin.retry')}</Button>}
      />
    );
  }
  return <Skeleton active paragraph={{ rows }} />;
}
