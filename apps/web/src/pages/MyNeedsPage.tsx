import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useSignedIn } from '../lib/auth';
import { useNeedPoster } from '../lib/need-poster';
import { NeedResults } from '../lib/NeedResults';
import { NEEDS_NS } from '../lib/needs-i18n';

// Stable across renders: the list's query variables.
const MINE = { mine: true } as const;

/** The buyer's own needs in every status, newest first; drafts can be edited from here. */
function MyNeeds() {
  const { t } = useTranslation(NEEDS_NS);
  const poster = useNeedPoster();
  // A cooperative has no needs of its own: it is sent to the open ones instead.
  const buyer = poster?.buyer !== false;
  return (
    <div className="page page-narrow my-products-page">
      <div className="page-title-row">
        <h1>{t('mine.title')}</h1>
        {/* Shown once known: a member may read the list but not post. */}
        {poster?.canPost && (
          <Link
            to="/nhu-cau/moi"
            className="link-button link-button-primary"
            data-testid="need-new"
          >
            {t('mine.new')}
          </Link>
        )}
      </div>
      {buyer ? (
        <NeedResults filter={MINE} editable={!!poster?.canPost} testId="my-needs" />
      ) : (
        <Alert
          type="info"
          showIcon
          data-testid="need-not-buyer"
          title={t('mine.notBuyer')}
          description={<Link to="/nhu-cau">{t('wizard.toOpenNeeds')}</Link>}
        />
      )}
    </div>
  );
}

export default function MyNeedsPage() {
  const signedIn = useSignedIn();
  if (!signedIn) return <Navigate to="/dang-nhap" replace state={{ from: '/nhu-cau/cua-toi' }} />;
  return <MyNeeds />;
}
