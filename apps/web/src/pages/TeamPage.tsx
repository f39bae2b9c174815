import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Form, Popconfirm, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphql } from '../gql';
import type { OrganizationRole, TeamQuery } from '../gql/graphql';
import { signOut } from '../lib/apollo';
import { formatDateTime } from '../lib/datetime';
import { apiErrorsOf } from '../lib/errors';
import { type FieldMap } from '../lib/form-errors';
import { useFormSubmit } from '../lib/use-form-submit';
import { FormProblems } from '../lib/FormProblems';
import { useLanguage } from '../lib/i18n';
import { Input } from '../lib/inputs';
import { OrgFrame } from '../lib/OrgFrame';
import { ONBOARD_NS } from '../lib/onboard-i18n';
import { ORG_NS } from '../lib/org-i18n';
import { QueryFallback } from '../lib/QueryFallback';
import { pickerPopupRender } from '../lib/pickers';

const TeamDocument = graphql(`
  query Team {
    me {
      id
      organizationRole
      organization {
        id
        name
        members {
          id
          fullName
          email
          role
        }
        invitations {
          id
          email
          role
          expiresAt
        }
      }
    }
  }
`);
const InviteDocument = graphql(`
  mutation InviteMember($email: String!, $role: OrganizationRole!) {
    inviteMember(email: $email, role: $role) {
      id
      email
      role
      expiresAt
    }
  }
`);
const RemoveDocument = graphql(`
  mutation RemoveMember($userId: ID!) {
    removeMember(userId: $userId)
  }
`);
const ResendDocument = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      id
      email
      role
      expiresAt
    }
  }
`);
const RevokeDocument = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }
`);

type Me = NonNullable<TeamQuery['me']>;
type Organization = NonNullable<Me['organization']>;
type Member = NonNullable<Organization['members']>[number];
type PendingInvitation = NonNullable<Organization['invitations']>[number];
const ROLES: readonly OrganizationRole[] = ['OWNER', 'MANAGER', 'MEMBER'];

interface InviteValues {
  email: string;
  role: OrganizationRole;
}
const INVITE_FIELDS: FieldMap<InviteValues> = { email: 'email', role: 'role' };

function InviteForm({ myRole, onSent }: { myRole: OrganizationRole; onSent: () => void }) {
  const { t } = useTranslation(ORG_NS);
  const { t: tMain } = useTranslation();
  const [form] = Form.useForm<InviteValues>();
  const [invite, { loading }] = useMutation(InviteDocument);
  const [sent, setSent] = useState<string | null>(null);
  // "Invitation sent" never stays beside the next attempt's errors.
  const { problems, run, formProps } = useFormSubmit(form, INVITE_FIELDS, {
    onStart: () => setSent(null),
  });
  // Managers invite managers and members; only owners make owners.
  const roles = myRole === 'OWNER' ? ROLES : ROLES.filter((r) => r !== 'OWNER');

  async function submit(values: InviteValues) {
    const email = values.email.trim();
    if (!(await run(() => invite({ variables: { email, role: values.role } })))) return;
    setSent(email);
    form.resetFields();
    onSent();
  }

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('team.invite')}</h2>
      <p className="muted">{t('team.inviteIntro')}</p>
      <Form<InviteValues>
        {...formProps}
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: 'MEMBER' }}
        onValuesChange={() => setSent(null)}
        onFinish={(values) => void submit(values)}
        noValidate
      >
        <div className="form-row">
          <Form.Item
            name="email"
            label={t('team.email')}
            rules={[
              { required: true, whitespace: true, message: t('team.emailRequired') },
              { type: 'email', message: t('team.emailInvalid') },
            ]}
          >
            <Input data-testid="invite-email" type="email" inputMode="email" autoComplete="off" />
          </Form.Item>
          <Form.Item name="role" label={t('team.role')}>
            <Select<OrganizationRole>
              popupRender={pickerPopupRender}
              data-testid="invite-role"
              options={roles.map((role) => ({ value: role, label: tMain(`orgRole.${role}`) }))}
            />
          </Form.Item>
        </div>
        <FormProblems problems={problems} />
        {sent && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('team.sent', { email: sent })}
            data-testid="invite-sent"
          />
        )}
        <Button
          data-testid="invite-submit"
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={loading}
        >
          {t('team.send')}
        </Button>
      </Form>
    </section>
  );
}

function MemberRow({
  member,
  me,
  soleOwner,
  onRemove,
}: {
  member: Member;
  me: Me;
  soleOwner: boolean;
  onRemove: (m: Member) => Promise<void>;
}) {
  const { t } = useTranslation(ORG_NS);
  const { t: tOnboard } = useTranslation(ONBOARD_NS);
  const { t: tMain } = useTranslation();
  const self = member.id === me.id;
  // The only owner is not offered "leave" (the server refuses it too): it is told what to do first.
  const soleOwnerSelf = self && soleOwner;
  const canRemove =
    !soleOwnerSelf &&
    (self ||
      me.organizationRole === 'OWNER' ||
      (me.organizationRole === 'MANAGER' && member.role === 'MEMBER'));
  return (
    <li className="member-row" data-testid="member" data-email={member.email}>
      <div>
        <div className="member-name">
          {member.fullName}
          {self && ` (${t('team.you')})`}
        </div>
        <div className="member-email">{member.email}</div>
      </div>
      <Tag data-testid="member-role">{tMain(`orgRole.${member.role}`)}</Tag>
      {soleOwnerSelf && (
        <p className="muted member-note" data-testid="sole-owner-note">
          {tOnboard('team.soleOwner')}
        </p>
      )}
      {canRemove && (
        <Popconfirm
          title={self ? t('team.leaveConfirm') : t('team.removeConfirm', { name: member.fullName })}
          okText={t('team.confirm')}
          cancelText={t('team.cancel')}
          okButtonProps={{ danger: true, ...{ 'data-testid': 'member-remove-confirm' } }}
          onConfirm={() => onRemove(member)}
        >
          <Button danger data-testid="member-remove">
            {self ? t('team.leave') : t('team.remove')}
          </Button>
        </Popconfirm>
      )}
    </li>
  );
}

function TeamView({
  me,
  organization,
  refetch,
}: {
  me: Me;
  organization: Organization;
  refetch: () => void;
}) {
  const { t } = useTranslation(ORG_NS);
  const { t: tMain } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [remove] = useMutation(RemoveDocument);
  const [outcome, setOutcome] = useState<{
    type: 'success' | 'warning' | 'error';
    title: string;
    text?: string;
  } | null>(null);
  const canInvite = me.organizationRole === 'OWNER' || me.organizationRole === 'MANAGER';
  const ownerCount = (organization.members ?? []).filter((m) => m.role === 'OWNER').length;
  const [resend] = useMutation(ResendDocument);
  const [revoke] = useMutation(RevokeDocument);
  const { t: tOnboard } = useTranslation(ONBOARD_NS);

  async function invitationAction(invitation: PendingInvitation, action: 'resend' | 'revoke') {
    setOutcome(null);
    try {
      if (action === 'resend') await resend({ variables: { id: invitation.id } });
      else await revoke({ variables: { id: invitation.id } });
    } catch (error) {
      setOutcome({
        type: 'error',
        title: apiErrorsOf(error)[0]?.message ?? tMain('errors.network'),
      });
      return;
    }
    const done = action === 'resend' ? 'team.resent' : 'team.revoked';
    setOutcome({ type: 'success', title: tOnboard(done, { email: invitation.email }) });
    refetch();
  }

  async function removeMember(member: Member) {
    setOutcome(null);
    try {
      await remove({ variables: { userId: member.id } });
    } catch (error) {
      const problem = apiErrorsOf(error)[0];
      // The last owner may not go: say so plainly, with what to do, rather than as a failure.
      if (problem?.code === 'CONFLICT')
        setOutcome({ type: 'warning', title: t('team.lastOwnerTitle'), text: problem.message });
      else setOutcome({ type: 'error', title: problem?.message ?? tMain('errors.network') });
      return;
    }
    if (member.id === me.id) {
      // Leaving ends this person's sessions in the organization.
      await signOut();
      navigate('/dang-nhap', { replace: true });
      return;
    }
    setOutcome({ type: 'success', title: t('team.removed', { name: member.fullName }) });
    refetch();
  }

  return (
    <>
      {outcome && (
        <Alert
          type={outcome.type}
          showIcon
          role={outcome.type === 'success' ? 'status' : 'alert'}
          title={outcome.title}
          description={outcome.text}
          data-testid="team-outcome"
          closable={{ afterClose: () => setOutcome(null) }}
        />
      )}
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('team.members')}</h2>
        <ul className="member-list" data-testid="member-list">
          {(organization.members ?? []).map((member) => (
            <MemberRow
              key={member.id}
              member={member}
              me={me}
              soleOwner={ownerCount <= 1}
              onRemove={removeMember}
            />
          ))}
        </ul>
      </section>
      {canInvite && me.organizationRole ? (
        <>
          <InviteForm myRole={me.organizationRole} onSent={refetch} />
          <section aria-labelledby="pending-title">
            <h2 id="pending-title">{t('team.pending')}</h2>
            {(organization.invitations ?? []).length === 0 ? (
              <p className="muted">{t('team.noPending')}</p>
            ) : (
              <ul className="member-list" data-testid="invitation-list">
                {(organization.invitations ?? []).map((i) => (
                  <li
                    key={i.id}
                    className="member-row"
                    data-testid="invitation"
                    data-email={i.email}
                  >
                    <div>
                      <div className="member-name">{i.email}</div>
                      <div className="member-email">
                        {t('team.expires', { date: formatDateTime(i.expiresAt, language) })}
                      </div>
                    </div>
                    <Tag>{tMain(`orgRole.${i.role}`)}</Tag>
                    {/* Managers may not touch an owner's invitation, as they may not send one. */}
                    {(me.organizationRole === 'OWNER' || i.role !== 'OWNER') && (
                      <div className="onboarding-actions">
                        <Button
                          data-testid="invitation-resend"
                          onClick={() => void invitationAction(i, 'resend')}
                        >
                          {tOnboard('team.resend')}
                        </Button>
                        <Popconfirm
                          title={tOnboard('team.revokeConfirm', { email: i.email })}
                          okText={tOnboard('team.confirm')}
                          cancelText={tOnboard('team.cancel')}
                          okButtonProps={{
                            danger: true,
                            ...{ 'data-testid': 'invitation-revoke-confirm' },
                          }}
                          onConfirm={() => invitationAction(i, 'revoke')}
                        >
                          <Button danger data-testid="invitation-revoke">
                            {tOnboard('team.revoke')}
                          </Button>
                        </Popconfirm>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : (
        <p className="muted">{t('team.cannotInvite')}</p>
      )}
    </>
  );
}

export default function TeamPage() {
  const { t } = useTranslation(ORG_NS);
  const { data, error, refetch } = useQuery(TeamDocument, { fetchPolicy: 'cache-and-network' });
  const me = data?.me;
  const organization = me?.organization;
  return (
    <OrgFrame title={t('team.title')} organizationId={organization?.id}>
      {me && organization ? (
        <TeamView me={me} organization={organization} refetch={() => void refetch()} />
      ) : (
        <QueryFallback
          answered={!!data}
          error={error}
          onRetry={() => void refetch()}
          notFound={{ title: t('profile.noOrganization'), testId: 'org-none' }}
          loadError={t('team.loadError')}
        />
      )}
    </OrgFrame>
  );
}
