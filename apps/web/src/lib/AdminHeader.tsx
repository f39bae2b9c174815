import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { PlatformRole } from '../gql/graphql';

/** Title and sub-navigation shared by the admin pages; the audit log is for admins only. */
export function AdminHeader({ role, title }: { role: PlatformRole; title: string }) {
  const { t } = useTranslation();
  return (
    <header className="admin-header">
      <h1>{title}</h1>
      <nav className="admin-nav" aria-label={t('admin.navLabel')}>
        <NavLink to="/quan-tri" end className="admin-nav-link" data-testid="admin-nav-moderation">
          {t('admin.navModeration')}
        </NavLink>
        <NavLink to="/quan-tri/tranh-chap" className="admin-nav-link" data-testid="admin-nav-disputes">
          {t('admin.navDisputes')}
        </NavLink>
        {role === 'ADMIN' && (
          <NavLink to="/quan-tri/nhat-ky" className="admin-nav-link" data-testid="admin-nav-audit">
            {t('admin.navAudit')}
          </NavLink>
        )}
      </nav>
    </header>
  );
}
