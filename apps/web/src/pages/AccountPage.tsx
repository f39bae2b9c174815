import { useQuery } from '@apollo/client/react';
import { Alert, Button, Skeleton, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { graphql } from '../gql';
import type { MeQuery, VerificationStatus } from '../gql/graphql';
import { signOut } from '../lib/apollo';
import { storeOrganizationKind, storePlatformRole, useSignedIn } from '../lib/auth';
import { apiErrorsOf } from '../lib/errors';
import { Field } from '../lib/Field';
import { LogoUpload } from '../lib/LogoUpload';
import { OnboardingChecklist } from '../lib/OnboardingChecklist';
import { VERIFICATION_STYLE } from '../lib/verification';

const MeQueryDocument = graphql(`
  query Me {
    me {
      id
      email
      fullName
      locale
      organizationRole
      platformRole
      organization {
        id
        kind
        name
        taxCode
        province {
          code
          name
        }
        verification
        verificationNote
        memberCount
        logoUrl
        onboarding {
          doneCount
          total
          complete
          steps {
            key
            done
          }
        }
      }
    }
  }
`);

type Me = NonNullable<MeQuery['me']>;
type Organization = NonNullable<Me['organization']>;

// Only these states carry a moderator's reason worth showing; a stale note on a verified
// organization would only confuse.
const NOTE_SHOWN: readonly VerificationStatus[] = ['REJECTED', 'SUSPENDED'];

function Verification({ status, note }: { status: VerificationStatus; note?: string | null }) {
  const { t } = useTranslation();
  const style = VERIFICATION_STYLE[status];
  return (
    <div className="verification">
      <Tag
        color={style.tag}
        className="verification-badge"
        data-testid="account-verification"
        data-status={status}
      >
        {t(`verification.${status}.label`)}
      </Tag>
      <Alert
        type={style.alert}
        showIcon
        data-testid="account-verification-help"
        title={t(`verification.${status}.help`)}
        description={
          note && NOTE_SHOWN.includes(status) ? (
            <p className="verification-note">
              <span className="verification-note-label">{t('account.verificationNote')}</span>{' '}
              <span data-testid="account-verification-note">{note}</span>
            </p>
          ) : undefined
        }
      />
    </div>
  );
}

function OrganizationCard({
  organization,
  editable,
}: {
  organization: Organization;
  editable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="org-title">
      <p className="card-eyebrow">{t('account.organization')}</p>
      <h2 id="org-title" data-testid="account-org-name">
        {organization.name}
      </h2>
      <LogoUpload organization={organization} editable={editable} />
      <Verification status={organization.verification} note={organization.verificationNote} />
      <dl className="fields">
        <Field label={t('account.kind')}>{t(`kind.${organization.kind}`)}</Field>
        <Field label={t('account.taxCode')}>
          <span data-testid="account-tax-code">{organization.taxCode}</span>
        </Field>
        <Field label={t('account.province')}>{organization.province.name}</Field>
        {organization.memberCount != null && (
          <Field label={t('account.memberCount')}>{organization.memberCount}</Field>
        )}
      </dl>
    </section>
  );
}

function PersonCard({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="person-title">
      <p className="card-eyebrow">{t('account.person')}</p>
      <h2 id="person-title" data-testid="account-full-name">
        {me.fullName}
      </h2>
      <dl className="fields">
        <Field label={t('account.email')}>
          <span data-testid="account-email">{me.email}</span>
        </Field>
        {me.organizationRole && (
          <Field label={t('account.role')}>{t(`orgRole.${me.organizationRole}`)}</Field>
        )}
        {me.platformRole && (
          <Field label={t('account.platformRole')}>{t(`platformRole.${me.platformRole}`)}</Field>
        )}
      </dl>
      <Button data-testid="signout" size="large" block onClick={onSignOut}>
        {t('account.signOut')}
      </Button>
    </section>
  );
}

function AccountView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(MeQueryDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const me = data?.me;
  const sessionGone = !loading && !error && data !== undefined && me == null;

  useEffect(() => {
    // The server no longer knows this token (and refreshing did not help): sign out cleanly.
    if (sessionGone) void signOut();
  }, [sessionGone]);

  useEffect(() => {
    // Keeps the header's admin link in step with the role the server reports.
    if (!me) return;
    storePlatformRole(me.platformRole);
    storeOrganizationKind(me.organization?.kind);
  }, [me]);

  async function handleSignOut() {
    await signOut();
    navigate('/dang-nhap', { replace: true });
  }

  if (me) {
    return (
      <>
        {me.organization?.onboarding && (
          <OnboardingChecklist
            checklist={me.organization.onboarding}
            verification={me.organization.verification}
          />
        )}
        {me.organization ? (
          <OrganizationCard
            organization={me.organization}
            editable={me.organizationRole === 'OWNER' || me.organizationRole === 'MANAGER'}
          />
        ) : (
          <Alert type="info" showIcon title={t('account.noOrganization')} />
        )}
        <PersonCard me={me} onSignOut={handleSignOut} />
      </>
    );
  }
  if (error) {
    const message = apiErrorsOf(error)[0]?.message ?? t('errors.network');
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('account.loadError')}
        description={message}
        action={<Button onClick={() => void refetch()}>{t('account.retry')}</Button>}
      />
    );
  }
  return <Skeleton active paragraph={{ rows: 6 }} />;
}

export default function AccountPage() {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  if (!signedIn) return <Navigate to="/dang-nhap" replace />;
  return (
    <div className="page page-narrow account">
      <h1>{t('account.title')}</h1>
      <AccountView />
    </div>
  );
}
