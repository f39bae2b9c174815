import { Alert, Button } from 'antd';
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
  return <LoadingRows rows={rows} />;
}

/**
 * Grey bars where the content will be, as antd's `Skeleton active` draws them, in plain CSS: it
 * is the first thing the search and product pages render, and antd's Skeleton costs its style
 * generation on the phone's main thread before anything else (decision 92).
 */
export function LoadingRows({ rows }: { rows: number }) {
  return (
    <div className="loading-rows" aria-hidden="true">
      <span className="loading-row loading-row-title" />
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} className="loading-row" />
      ))}
    </div>
  );
}
