import { useMutation } from '@apollo/client/react';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../gql';
import type { OrganizationKind, SignUpInput } from '../gql/graphql';
import { signInWithPassword } from '../lib/apollo';
import { ChoiceCards } from '../lib/ChoiceCards';
import { type FieldMap } from '../lib/form-errors';
import { useFormSubmit } from '../lib/use-form-submit';
import { FormSubmit } from '../lib/FormProblems';
import { useLanguage } from '../lib/i18n';
import { Input, PasswordInput } from '../lib/inputs';
import { ProvinceSelect } from '../lib/ProvinceSelect';

const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
      }
    }
  }
`);

interface SignUpValues {
  kind: OrganizationKind;
  orgName: string;
  taxCode: string;
  provinceCode: string;
  fullName: string;
  email: string;
  password: string;
  phone?: string;
}

const SERVER_FIELDS: FieldMap<SignUpValues> = {
  email: 'email',
  password: 'password',
  fullName: 'fullName',
  'organization.kind': 'kind',
  'organization.name': 'orgName',
  'organization.taxCode': 'taxCode',
  'organization.provinceCode': 'provinceCode',
  'organization.phone': 'phone',
  kind: 'kind',
  name: 'orgName',
  taxCode: 'taxCode',
  provinceCode: 'provinceCode',
  phone: 'phone',
};

const PASSWORD_MIN_LENGTH = 10;
// 10 digits, or 13 for a branch; the dash before the branch suffix is how it is printed on papers.
const TAX_CODE = /^\d{10}(-?\d{3})?$/;
const PHONE = /^\+?[\d\s.-]{8,15}$/;

function toInput(values: SignUpValues, locale: 'VI' | 'EN'): SignUpInput {
  const phone = values.phone?.trim();
  return {
    email: values.email.trim(),
    password: values.password,
    fullName: values.fullName.trim(),
    locale,
    organization: {
      kind: values.kind,
      name: values.orgName.trim(),
      taxCode: values.taxCode.replace(/\s/g, ''),
      provinceCode: values.provinceCode,
      ...(phone ? { phone } : {}),
    },
  };
}

function KindChoice() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="kind"
      label={t('signUp.kind')}
      rules={[{ required: true, message: t('signUp.kindRequired') }]}
    >
      <ChoiceCards<OrganizationKind>
        name="kind"
        label={t('signUp.kind')}
        choices={[
          {
            value: 'COOPERATIVE',
            title: t('kind.COOPERATIVE'),
            hint: t('signUp.kindCooperativeHint'),
            testId: 'signup-kind-COOPERATIVE',
          },
          {
            value: 'ENTERPRISE',
            title: t('kind.ENTERPRISE'),
            hint: t('signUp.kindEnterpriseHint'),
            testId: 'signup-kind-ENTERPRISE',
          },
        ]}
      />
    </Form.Item>
  );
}

function OrganizationFields() {
  const { t } = useTranslation();
  return (
    <section className="form-section" aria-labelledby="signup-org-section">
      <h2 id="signup-org-section">{t('signUp.orgSection')}</h2>
      <KindChoice />
      <Form.Item
        name="orgName"
        label={t('signUp.orgName')}
        rules={[{ required: true, whitespace: true, message: t('signUp.orgNameRequired') }]}
      >
        <Input
          data-testid="signup-org-name"
          autoComplete="organization"
          placeholder={t('signUp.orgNamePlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="taxCode"
        label={t('signUp.taxCode')}
        extra={t('signUp.taxCodeHint')}
        rules={[
          { required: true, message: t('signUp.taxCodeRequired') },
          {
            validator: (_, value: string | undefined) =>
              !value || TAX_CODE.test(value.replace(/\s/g, ''))
                ? Promise.resolve()
                : Promise.reject(new Error(t('signUp.taxCodeInvalid'))),
          },
        ]}
      >
        <Input data-testid="signup-tax-code" autoComplete="off" placeholder="0101234567" />
      </Form.Item>
      <Form.Item
        name="provinceCode"
        label={t('signUp.province')}
        rules={[{ required: true, message: t('signUp.provinceRequired') }]}
      >
        <ProvinceSelect
          data-testid="signup-province"
          placeholder={t('signUp.provincePlaceholder')}
        />
      </Form.Item>
    </section>
  );
}

function PersonFields() {
  const { t } = useTranslation();
  return (
    <section className="form-section" aria-labelledby="signup-person-section">
      <h2 id="signup-person-section">{t('signUp.personSection')}</h2>
      <Form.Item
        name="fullName"
        label={t('signUp.fullName')}
        rules={[{ required: true, whitespace: true, message: t('signUp.fullNameRequired') }]}
      >
        <Input data-testid="signup-full-name" autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('signUp.email')}
        rules={[
          { required: true, message: t('signUp.emailRequired') },
          { type: 'email', message: t('signUp.emailInvalid') },
        ]}
      >
        <Input data-testid="signup-email" type="email" inputMode="email" autoComplete="email" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('signUp.password')}
        extra={t('signUp.passwordRule')}
        rules={[
          { required: true, message: t('signUp.passwordRequired') },
          { min: PASSWORD_MIN_LENGTH, message: t('signUp.passwordTooShort') },
        ]}
      >
        <PasswordInput data-testid="signup-password" autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('signUp.phone')}
        rules={[{ pattern: PHONE, message: t('signUp.phoneInvalid') }]}
      >
        <Input data-testid="signup-phone" type="tel" inputMode="tel" autoComplete="tel" />
      </Form.Item>
    </section>
  );
}

export default function SignUpPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [form] = Form.useForm<SignUpValues>();
  const [signUp, { loading }] = useMutation(SignUpMutation);
  const { problems, run, formProps } = useFormSubmit(form, SERVER_FIELDS);

  async function submit(values: SignUpValues) {
    const created = await run(async () => {
      const { data } = await signUp({
        variables: { input: toInput(values, language === 'en' ? 'EN' : 'VI') },
      });
      if (!data) throw new Error('signUp returned no data');
    });
    if (!created) return;
    // The account exists: signing in through /api/session puts the session in its cookie. Should
    // that fail (the network), the sign-in page is where the new owner goes on.
    try {
      await signInWithPassword(values.email.trim(), values.password);
      navigate('/tai-khoan', { replace: true });
    } catch {
      navigate('/dang-nhap', { replace: true });
    }
  }

  return (
    <div className="page page-narrow">
      <h1>{t('signUp.title')}</h1>
      <p className="muted">{t('signUp.intro')}</p>
      <Form<SignUpValues>
        {...formProps}
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        // antd's messages replace the browser's, which would appear in the browser's language.
        noValidate
      >
        <OrganizationFields />
        <PersonFields />
        <FormSubmit problems={problems} loading={loading} testId="signup-submit">
          {t('signUp.submit')}
        </FormSubmit>
      </Form>
      <p className="form-switch">
        {t('signUp.haveAccount')} <Link to="/dang-nhap">{t('signUp.toSignIn')}</Link>
      </p>
    </div>
  );
}
