import { useQuery } from '@apollo/client/react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { graphql } from '../gql';
import type { PlatformRole } from '../gql/graphql';
import { signOut } from './apollo';
import { storePlatformRole, useSignedIn } from './auth';
import { QueryFallback } from './QueryFallback';

const StaffRoleQuery = graphql(`
  query StaffRole {
    me {
      id
      platformRole
    }
  }
`);

export interface StaffGateProps {
  /** Roles allowed in; anyone else gets a friendly refusal instead of the page. */
  roles: readonly PlatformRole[];
  /** What to say to staff whose role is not enough (a moderator on an admin-only page). */
  refusal?: string;
  children: (role: PlatformRole) => ReactNode;
}

function NotAllowed({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow notice" data-testid="admin-not-allowed">
      <h1>{t('admin.notAllowedTitle')}</h1>
      <p>{message}</p>
      <Link to="/tai-khoan" className="link-button link-button-primary">
        {t('admin.toAccount')}
      </Link>
    </div>
  );
}

/**
 * Asks the server who the user is before showing a staff page. The server refuses the data
 * anyway; this only spares non-staff a page of errors. The role is re-read on every visit
 * (cache-and-network), so a revoked role closes the console at once.
 */
export function StaffGate({ roles, refusal, children }: StaffGateProps) {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(StaffRoleQuery, {
    fetchPolicy: 'cache-and-network',
    skip: !signedIn,
  });
  const me = data?.me;
  const sessionGone = !loading && !error && data !== undefined && me == null;

  useEffect(() => {
    if (sessionGone) void signOut();
  }, [sessionGone]);

  useEffect(() => {
    if (me) storePlatformRole(me.platformRole);
  }, [me]);

  if (!signedIn || sessionGone) {
    return (
      <Navigate to="/dang-nhap" replace state={{ from: location.pathname + location.search }} />
    );
  }
  if (me) {
    const role = me.platformRole;
    if (role && roles.includes(role)) return children(role);
    return (
      <NotAllowed
        message={role ? (refusal ?? t('admin.notAllowedBody')) : t('admin.notAllowedBody')}
      />
    );
  }
  return (
    <QueryFallback
      answered={false}
      error={error}
      onRetry={() => void refetch()}
      loadError={t('admin.loadError')}
      rows={6}
    />
  );
}
