import { useMutation } from '@apollo/client/react';
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { signInWithPassword } from '../lib/apollo';
import { type FieldMap } from '../lib/form-errors';
import { useFormSubmit } from '../lib/use-form-submit';
import { FormSubmit } from '../lib/FormProblems';
import { Input, PasswordInput } from '../lib/inputs';
import { ORG_NS } from '../lib/org-i18n';

const AcceptDocument = graphql(`
  mutation AcceptInvitation($token: String!, $fullName: String!, $password: String!) {
    acceptInvitation(token: $token, fullName: $fullName, password: $password) {
      user {
        id
        email
      }
    }
  }
`);

interface AcceptValues {
  fullName: string;
  password: string;
}
// The token is not a form field: its errors (used, expired) belong above the button.
const SERVER_FIELDS: FieldMap<AcceptValues> = { fullName: 'fullName', password: 'password' };

/** The page the invitation e-mail links to: /loi-moi?token=… (libs/notifications' template). */
export default function InvitationPage() {
  const { t } = useTranslation(ORG_NS);
  const [params] = useSearchParams();
  const token = params.get('token');
  const navigate = useNavigate();
  const [form] = Form.useForm<AcceptValues>();
  const [accept, { loading }] = useMutation(AcceptDocument);
  const { problems, run, formProps } = useFormSubmit(form, SERVER_FIELDS);

  async function submit(values: AcceptValues) {
    if (!token) return;
    await run(async () => {
      const { data } = await accept({
        variables: { token, fullName: values.fullName.trim(), password: values.password },
      });
      if (!data) throw new Error('acceptInvitation returned no data');
      // The member exists now; signing in through /api/session puts the session in its cookie.
      await signInWithPassword(data.acceptInvitation.user.email, values.password);
      navigate('/to-chuc/thanh-vien', { replace: true });
    });
  }

  return (
    <div className="page page-narrow">
      <h1>{t('invitation.title')}</h1>
      {!token ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('invitation.missing')}
          data-testid="invitation-missing"
        />
      ) : (
        <>
          <p className="muted">{t('invitation.intro')}</p>
          <Form<AcceptValues>
            {...formProps}
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => void submit(values)}
            noValidate
          >
            <Form.Item
              name="fullName"
              label={t('invitation.fullName')}
              rules={[
                { required: true, whitespace: true, message: t('invitation.fullNameRequired') },
              ]}
            >
              <Input data-testid="invitation-full-name" autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('invitation.password')}
              extra={t('invitation.passwordHint')}
              rules={[{ required: true, message: t('invitation.passwordRequired') }]}
            >
              <PasswordInput data-testid="invitation-password" autoComplete="new-password" />
            </Form.Item>
            <FormSubmit problems={problems} loading={loading} testId="invitation-submit">
              {t('invitation.submit')}
            </FormSubmit>
          </Form>
        </>
      )}
    </div>
  );
}
