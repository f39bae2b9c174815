import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, useLocation } from 'react-router';
import { useSignedIn } from './auth';
import { ORG_NS } from './org-i18n';

const TABS = [
  { to: '/to-chuc', key: 'profile', testId: 'org-tab-profile' },
  { to: '/to-chuc/thanh-vien', key: 'team', testId: 'org-tab-team' },
  { to: '/to-chuc/tai-lieu', key: 'documents', testId: 'org-tab-documents' },
] as const;

/** The organization's own pages: signed in only, one heading, tabs between profile, team and documents. */
export function OrgFrame({
  title,
  organizationId,
  children,
}: {
  title: string;
  organizationId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation(ORG_NS);
  const signedIn = useSignedIn();
  const { pathname } = useLocation();
  if (!signedIn) return <Navigate to="/dang-nhap" replace state={{ from: pathname }} />;
  return (
    <div className="page page-narrow org-page">
      <h1>{title}</h1>
      <nav className="org-tabs" aria-label={t('orgNav.label')}>
        {TABS.map((tab) => (
          <NavLink key={tab.key} to={tab.to} end className="org-tab" data-testid={tab.testId}>
            {t(`orgNav.${tab.key}`)}
          </NavLink>
        ))}
        {organizationId && (
          <Link
            to={`/nha-cung-cap/${organizationId}`}
            className="org-tab"
            data-testid="org-public-page"
          >
            {t('orgNav.publicPage')}
          </Link>
        )}
      </nav>
      {children}
    </div>
  );
}
