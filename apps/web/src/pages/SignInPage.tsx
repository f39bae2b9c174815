import { Alert, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { signInWithPassword } from '../lib/apollo';
import { sessionEndedMessage } from '../lib/auth';
import { type FieldMap } from '../lib/form-errors';
import { FormSubmit } from '../lib/FormProblems';
import { Input, PasswordInput } from '../lib/inputs';
import { useFormSubmit } from '../lib/use-form-submit';

interface SignInValues {
  email: string;
  password: string;
}

const SERVER_FIELDS: FieldMap<SignInValues> = { email: 'email', password: 'password' };

/**
 * Where to go after signing in: back to the page that sent the user here (the admin console, say),
 * else the account page. Only paths inside the app; a full URL would make this an open redirect.
 */
function returnPath(state: unknown): string {
  const from = state && typeof state === 'object' && 'from' in state ? state.from : null;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')
    ? from
    : '/tai-khoan';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<SignInValues>();
  const { problems, busy: loading, run, formProps } = useFormSubmit(form, SERVER_FIELDS);
  // Why the last session ended (a suspension and its reason), as the server said it; kept until a new sign-in.
  const [ended] = useState(() => sessionEndedMessage());

  async function submit(values: SignInValues) {
    await run(async () => {
      // Through /api/session, which keeps the session in an HttpOnly cookie (not the GraphQL signIn).
      await signInWithPassword(values.email.trim(), values.password);
      navigate(returnPath(location.state), { replace: true });
    });
  }

  return (
    <div className="page page-narrow">
      <h1>{t('signIn.title')}</h1>
      <p className="muted">{t('signIn.intro')}</p>
      {ended && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="session-ended"
          data-testid="signin-session-ended"
          title={ended}
        />
      )}
      <Form<SignInValues>
        {...formProps}
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        // antd's messages replace the browser's, which would appear in the browser's language.
        noValidate
      >
        <Form.Item
          name="email"
          label={t('signIn.email')}
          rules={[
            { required: true, message: t('signIn.emailRequired') },
            { type: 'email', message: t('signIn.emailInvalid') },
          ]}
        >
          <Input
            data-testid="signin-email"
            type="email"
            inputMode="email"
            autoComplete="username"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('signIn.password')}
          rules={[{ required: true, message: t('signIn.passwordRequired') }]}
        >
          <PasswordInput data-testid="signin-password" autoComplete="current-password" />
        </Form.Item>
        <p className="form-forgot">
          <Link to="/quen-mat-khau" data-testid="signin-forgot">
            {t('signIn.forgot')}
          </Link>
        </p>
        <FormSubmit problems={problems} loading={loading} testId="signin-submit">
          {t('signIn.submit')}
        </FormSubmit>
      </Form>
      <p className="form-switch">
        {t('signIn.noAccount')} <Link to="/dang-ky">{t('signIn.toSignUp')}</Link>
      </p>
    </div>
  );
}
