import { useTranslation } from 'react-i18next';
import { Suspense } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useOrganizationKind, usePlatformRole, useSignedIn } from './auth';
import { LanguageSwitch } from './LanguageSwitch';
import { PageMeta } from './page-meta';
import { PageFallback, RouteErrorBoundary } from './RouteError';

function NavItems() {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const platformRole = usePlatformRole();
  const organizationKind = useOrganizationKind();
  // Everyone may search and browse suppliers; buyers often look before they sign up.
  const search = (
    <>
      <NavLink to="/tim-kiem" className="nav-link" data-testid="nav-search">
        {t('nav.search')}
      </NavLink>
      <NavLink to="/nha-cung-cap" className="nav-link" data-testid="nav-suppliers">
        {t('nav.suppliers')}
      </NavLink>
    </>
  );
  if (signedIn) {
    return (
      <>
        {search}
        {organizationKind && (
          <NavLink to="/san-pham" className="nav-link" data-testid="nav-products">
            {t('nav.products')}
          </NavLink>
        )}
        {organizationKind && (
          <NavLink to="/to-chuc" className="nav-link" data-testid="nav-organization">
            {t('nav.organization')}
          </NavLink>
        )}
        {platformRole && (
          <NavLink to="/quan-tri" className="nav-link" data-testid="nav-admin">
            {t('nav.admin')}
          </NavLink>
        )}
        <NavLink to="/tai-khoan" className="nav-link" data-testid="nav-account">
          {t('nav.account')}
        </NavLink>
      </>
    );
  }
  return (
    <>
      {search}
      <NavLink to="/dang-nhap" className="nav-link" data-testid="nav-signin">
        {t('nav.signIn')}
      </NavLink>
      <NavLink to="/dang-ky" className="nav-link nav-link-primary" data-testid="nav-signup">
        {t('nav.signUp')}
      </NavLink>
    </>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div className="app">
      <PageMeta />
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="logo" aria-label={`LienKet — ${t('nav.home')}`}>
            LienKet
          </Link>
          <nav className="app-nav" aria-label={t('nav.main')}>
            <NavItems />
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      <main id="main" className="app-main">
        <RouteErrorBoundary resetKey={pathname}>
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      <footer className="app-footer">
        <span>LienKet — {t('app.tagline')}</span>
      </footer>
    </div>
  );
}
