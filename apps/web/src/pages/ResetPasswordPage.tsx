import { useMutation } from '@apollo/client/react';
import { Alert, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { type FieldMap } from '../lib/form-errors';
import { FormSubmit } from '../lib/FormProblems';
import { PasswordInput } from '../lib/inputs';
import { useFormSubmit } from '../lib/use-form-submit';

const ResetDocument = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

interface ResetValues {
  newPassword: string;
}
// The token is not a form field: its errors (used, expired) belong above the button.
const SERVER_FIELDS: FieldMap<ResetValues> = { newPassword: 'newPassword' };

/**
 * /dat-lai-mat-khau?token=…: the page the reset e-mail links to (libs/notifications' template). A
 * reset ends every session, this browser's included, so it ends by sending the person to sign in.
 */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [form] = Form.useForm<ResetValues>();
  const [reset, { loading }] = useMutation(ResetDocument);
  const { problems, run, formProps } = useFormSubmit(form, SERVER_FIELDS);
  const [done, setDone] = useState(false);

  async function submit(values: ResetValues) {
    if (!token) return;
    if (await run(() => reset({ variables: { token, newPassword: values.newPassword } })))
      setDone(true);
  }

  if (!token || done) {
    return (
      <div className="page page-narrow">
        <h1>{t('passwordReset.resetTitle')}</h1>
        <Alert
          type={done ? 'success' : 'warning'}
          showIcon
          role={done ? 'status' : 'alert'}
          title={t(done ? 'passwordReset.done' : 'passwordReset.missing')}
          data-testid={done ? 'reset-done' : 'reset-missing'}
        />
        <p className="form-switch">
          {done ? (
            <Link to="/dang-nhap" data-testid="reset-to-signin">
              {t('passwordReset.toSignIn')}
            </Link>
          ) : (
            <Link to="/quen-mat-khau">{t('passwordReset.askAgain')}</Link>
          )}
        </p>
      </div>
    );
  }

  return (
    <div className="page page-narrow">
      <h1>{t('passwordReset.resetTitle')}</h1>
      <p className="muted">{t('passwordReset.resetIntro')}</p>
      <Form<ResetValues>
        {...formProps}
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        noValidate
      >
        <Form.Item
          name="newPassword"
          label={t('passwordReset.newPassword')}
          extra={t('passwordReset.newPasswordHint')}
          rules={[{ required: true, message: t('passwordReset.newPasswordRequired') }]}
        >
          <PasswordInput data-testid="reset-password" autoComplete="new-password" />
        </Form.Item>
        <FormSubmit problems={problems} loading={loading} testId="reset-submit">
          {t('passwordReset.save')}
        </FormSubmit>
      </Form>
      <p className="form-switch">
        <Link to="/quen-mat-khau">{t('passwordReset.askAgain')}</Link>
      </p>
    </div>
  );
}
