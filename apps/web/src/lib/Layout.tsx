import { useTranslation } from 'react-i18next';
import { Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useOrganizationKind, usePlatformRole, useSignedIn } from './auth';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { FirstPaintFallback } from './first-paint';
import { PageMeta } from './page-meta';
import { RouteErrorBoundary } from './RouteError';

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
  // Enterprises post needs and follow their own; everyone else (cooperatives, visitors) browses the open ones.
  const needs =
    signedIn && organizationKind === 'ENTERPRISE' ? (
      <>
        <NavLink to="/nhu-cau/cua-toi" className="nav-link" data-testid="nav-my-needs">
          {t('nav.myNeeds')}
        </NavLink>
        <NavLink to="/nhu-cau/moi" className="nav-link" data-testid="nav-post-need">
          {t('nav.postNeed')}
        </NavLink>
      </>
    ) : (
      <NavLink to="/nhu-cau" end className="nav-link" data-testid="nav-open-needs">
        {t('nav.openNeeds')}
      </NavLink>
    );
  if (signedIn) {
    return (
      <>
        {search}
        {needs}
        {/* Buyers do not list products or bid: "my products" and "my bids" are cooperatives'. */}
        {organizationKind === 'COOPERATIVE' && (
          <>
            <NavLink to="/san-pham" className="nav-link" data-testid="nav-products">
              {t('nav.products')}
            </NavLink>
            <NavLink to="/bao-gia" className="nav-link" data-testid="nav-my-bids">
              {t('nav.myBids')}
            </NavLink>
          </>
        )}
        {/* Either side of a contract follows it here. */}
        {organizationKind && (
          <NavLink to="/hop-dong" className="nav-link" data-testid="nav-contracts">
            {t('nav.contracts')}
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
      {needs}
      <NavLink to="/dang-nhap" className="nav-link" data-testid="nav-signin">
        {t('nav.signIn')}
      </NavLink>
      <NavLink to="/dang-ky" className="nav-link nav-link-primary" data-testid="nav-signup">
        {t('nav.signUp')}
      </NavLink>
    </>
  );
}

/**
 * Header: logo, then the main menu (inline on a wide screen; behind a menu button on a phone, where a
 * strip of links would hide sign-up, language and account off to the right), then the actions that
 * stay visible at every width: the language switch (and room for a notification bell before it).
 */
export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // A followed link closes the menu, as does Escape.
  useEffect(() => setMenuOpen(false), [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setMenuOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);
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
          {/* Before the menu in reading order, so the opened menu follows its button. The
              notification bell goes first in here. */}
          <div className="header-actions">
            <NotificationBell />
            <LanguageSwitch />
            <button
              type="button"
              className="menu-button"
              data-testid="nav-menu-button"
              aria-expanded={menuOpen}
              aria-controls="main-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span className="menu-icon" aria-hidden="true" />
              {menuOpen ? t('nav.closeMenu') : t('nav.menu')}
            </button>
          </div>
          <nav
            id="main-menu"
            className={menuOpen ? 'app-nav app-nav-open' : 'app-nav'}
            aria-label={t('nav.main')}
            data-testid="nav-menu"
          >
            <NavItems />
          </nav>
        </div>
      </header>
      <main id="main" className="app-main">
        <RouteErrorBoundary resetKey={pathname}>
          <Suspense fallback={<FirstPaintFallback pathname={pathname} />}>
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
