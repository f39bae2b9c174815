import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSignedIn } from './auth';
import { BidForm } from './BidForm';
import { MyBidSummary, type BidNeed } from './MyBidSummary';
import { NEEDS_NS } from './needs-i18n';

/**
 * The need page's bidding part for everyone but its buyer: the bid form (new, revise, withdraw)
 * while the need is open and the reader may bid; the own bid read-only with its status once
 * bidding closed; "Đăng nhập để báo giá" to visitors; why not, to anyone else.
 */
export function BidPanel({
  need,
  canBid,
  cooperative,
  onChanged,
}: {
  need: BidNeed;
  /** A cooperative's OWNER or MANAGER (the server still judges verification). */
  canBid: boolean;
  cooperative: boolean;
  /** Ask the server again: the deadline passed, or a bid was withdrawn. */
  onChanged: () => void;
}) {
  const { t } = useTranslation(NEEDS_NS);
  const signedIn = useSignedIn();
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(null);
  const [tooLate, setTooLate] = useState<string | null>(null);
  const open = need.status === 'OPEN' && !tooLate;
  let body;
  if (!open) {
    body = need.myBid ? (
      <MyBidSummary bid={need.myBid} unit={need.unit} />
    ) : (
      <p className="muted">{t('bid.closed')}</p>
    );
  } else if (!signedIn) {
    body = (
      <Link
        to="/dang-nhap"
        state={{ from: location.pathname }}
        className="link-button link-button-primary"
        data-testid="bid-sign-in"
      >
        {t('bid.signIn')}
      </Link>
    );
  } else if (canBid) {
    // Keyed by the bid: a withdrawal starts an empty form, a first bid one showing what was saved.
    body = (
      <BidForm
        key={need.myBid?.id ?? 'new'}
        need={need}
        onChanged={onChanged}
        onClosed={(message) => {
          setTooLate(message);
          onChanged();
        }}
        onSaved={setNotice}
      />
    );
  } else {
    body = <p className="muted">{t(cooperative ? 'bid.managersOnly' : 'bid.cooperativesOnly')}</p>;
  }
  return (
    <section className="card bid-panel" aria-labelledby="bid-panel" data-testid="bid-panel">
      <h2 id="bid-panel">{t('bid.title')}</h2>
      {open && <p className="muted">{t('bid.sealedHelp')}</p>}
      {tooLate && (
        <Alert
          className="form-notice"
          type="warning"
          showIcon
          role="alert"
          data-testid="bid-too-late"
          title={tooLate}
        />
      )}
      {notice && open && (
        <Alert
          className="form-notice"
          type="success"
          showIcon
          role="status"
          data-testid="bid-notice"
          title={notice}
        />
      )}
      {body}
    </section>
  );
}
