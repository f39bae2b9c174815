import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Runs `load` for the "Tải thêm" button, remembering whether it is busy or failed last time. */
export function useLoadMore(load: () => Promise<unknown>) {
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  async function run() {
    setLoading(true);
    setFailed(false);
    try {
      await load();
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }
  return { loading, failed, run };
}

export interface LoadMoreProps {
  loading: boolean;
  failed: boolean;
  onLoad: () => void;
  testId?: string;
}

export function LoadMore({ loading, failed, onLoad, testId }: LoadMoreProps) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      {failed && (
        <p className="inline-error" role="alert">
          {t('admin.loadMoreError')}
        </p>
      )}
      <Button data-testid={testId} size="large" block loading={loading} onClick={onLoad}>
        {t('admin.loadMore')}
      </Button>
    </div>
  );
}
