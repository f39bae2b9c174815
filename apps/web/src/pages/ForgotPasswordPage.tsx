import { useMutation } from '@apollo/client/react';
import { Alert, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { type FieldMap } from '../lib/form-errors';
import { FormSubmit } from '../lib/FormProblems';
import { Input } from '../lib/inputs';
import { useFormSubmit } from '../lib/use-form-submit';

const RequestResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

interface RequestValues {
  email: string;
}
const SERVER_FIELDS: FieldMap<RequestValues> = { email: 'email' };

/**
 * /quen-mat-khau: asks for a reset link. The answer is the same whether or not the address has an
 * account (the server never tells), so the page says "if it has one".
 */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RequestValues>();
  const [request, { loading }] = useMutation(RequestResetDocument);
  const { problems, run, formProps } = useFormSubmit(form, SERVER_FIELDS);
  const [sent, setSent] = useState(false);

  async function submit(values: RequestValues) {
    if (await run(() => request({ variables: { email: values.email.trim() } }))) setSent(true);
  }

  return (
    <div className="page page-narrow">
      <h1>{t('passwordReset.requestTitle')}</h1>
      {sent ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('passwordReset.sent')}
          data-testid="forgot-sent"
        />
      ) : (
        <>
          <p className="muted">{t('passwordReset.requestIntro')}</p>
          <Form<RequestValues>
            {...formProps}
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => void submit(values)}
            noValidate
          >
            <Form.Item
              name="email"
              label={t('passwordReset.email')}
              rules={[
                { required: true, message: t('signIn.emailRequired') },
                { type: 'email', message: t('signIn.emailInvalid') },
              ]}
            >
              <Input
                data-testid="forgot-email"
                type="email"
                inputMode="email"
                autoComplete="username"
              />
            </Form.Item>
            <FormSubmit problems={problems} loading={loading} testId="forgot-submit">
              {t('passwordReset.send')}
            </FormSubmit>
          </Form>
        </>
      )}
      <p className="form-switch">
        <Link to="/dang-nhap">{t('passwordReset.toSignIn')}</Link>
      </p>
    </div>
  );
}
