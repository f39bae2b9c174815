import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PageLoadError() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow notice" role="alert">
      <p>{t('errors.pageLoad')}</p>
      <button
        type="button"
        className="link-button link-button-primary"
        onClick={() => window.location.reload()}
      >
        {t('account.retry')}
      </button>
    </div>
  );
}

interface BoundaryProps {
  /** The error clears when this changes, i.e. when the user navigates elsewhere. */
  resetKey: string;
  children: ReactNode;
}

/**
 * Catches a page that fails to load or render, typically a chunk that a new deploy replaced,
 * and keeps the header (and its language switch) usable.
 */
export class RouteErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) {
      this.setState({ failed: false });
    }
  }

  render() {
    return this.state.failed ? <PageLoadError /> : this.props.children;
  }
}

export function PageFallback() {
  const { t } = useTranslation();
  return (
    <div className="page-fallback" aria-busy="true" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('app.loading')}
    </div>
  );
}
