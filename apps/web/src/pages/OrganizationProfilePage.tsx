import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { MyOrganizationProfileQuery } from '../gql/graphql';
import { type FieldMap } from '../lib/form-errors';
import { FormProblems } from '../lib/FormProblems';
import { useLanguage } from '../lib/i18n';
import { Input } from '../lib/inputs';
import { useNumberRule } from '../lib/NumberFields';
import { readNumber } from '../lib/numbers';
import { OrgFrame } from '../lib/OrgFrame';
import { ORG_NS } from '../lib/org-i18n';
import { QueryFallback } from '../lib/QueryFallback';
import { LogoUpload } from '../lib/LogoUpload';
import { useFormSubmit } from '../lib/use-form-submit';
import { WardSelect } from '../lib/WardSelect';

const ProfileDocument = graphql(`
  query MyOrganizationProfile {
    me {
      id
      organizationRole
      organization {
        id
        name
        logoUrl
        province {
          code
          name
        }
        description
        address
        phone
        memberCount
        foundedYear
        ward {
          code
          name
        }
      }
    }
  }
`);

const UpdateProfileDocument = graphql(`
  mutation UpdateOrganizationProfile($input: OrganizationProfileInput!) {
    updateOrganizationProfile(input: $input) {
      id
      description
      address
      phone
      memberCount
      foundedYear
      ward {
        code
        name
      }
    }
  }
`);

type Organization = NonNullable<NonNullable<MyOrganizationProfileQuery['me']>['organization']>;

interface ProfileValues {
  description: string;
  address: string;
  wardCode: string | null;
  phone: string;
  memberCount: string;
  foundedYear: string;
}

const SERVER_FIELDS: FieldMap<ProfileValues> = {
  description: 'description',
  address: 'address',
  wardCode: 'wardCode',
  phone: 'phone',
  memberCount: 'memberCount',
  foundedYear: 'foundedYear',
};
const DESCRIPTION_MAX_LENGTH = 2000;

const blankToNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);
/** A whole number as typed ("40 hộ", "1.500"), or null when blank; the field's rule accepted it. */
const toInt = (text: string | undefined, language: 'vi' | 'en') => {
  const reading = readNumber(text, language, true);
  return reading.ok ? Number(reading.value) : null;
};
const MAX_MEMBERS = 1_000_000;
const FIRST_YEAR = 1900;

function valuesOf(o: Organization): ProfileValues {
  return {
    description: o.description ?? '',
    address: o.address ?? '',
    wardCode: o.ward?.code ?? null,
    phone: o.phone ?? '',
    memberCount: o.memberCount?.toString() ?? '',
    foundedYear: o.foundedYear?.toString() ?? '',
  };
}

function ProfileForm({ organization, canEdit }: { organization: Organization; canEdit: boolean }) {
  const { t } = useTranslation(ORG_NS);
  const [form] = Form.useForm<ProfileValues>();
  const [save, { loading }] = useMutation(UpdateProfileDocument);
  const [saved, setSaved] = useState(false);
  // "Saved" never stays beside the next attempt's errors.
  const { problems, run, formProps } = useFormSubmit(form, SERVER_FIELDS, {
    onStart: () => setSaved(false),
  });
  const description = Form.useWatch('description', form);
  const language = useLanguage();
  const numberRule = useNumberRule();

  useEffect(() => form.setFieldsValue(valuesOf(organization)), [form, organization]);

  async function submit(values: ProfileValues) {
    const input = {
      description: blankToNull(values.description),
      address: blankToNull(values.address),
      wardCode: values.wardCode ?? null,
      phone: blankToNull(values.phone),
      memberCount: toInt(values.memberCount, language),
      foundedYear: toInt(values.foundedYear, language),
    };
    if (await run(() => save({ variables: { input } }))) setSaved(true);
  }

  return (
    <Form<ProfileValues>
      {...formProps}
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={!canEdit}
      onValuesChange={() => setSaved(false)}
      onFinish={(values) => void submit(values)}
      noValidate
    >
      <LogoUpload organization={organization} editable={canEdit} />
      <Form.Item
        name="description"
        label={t('profile.description')}
        extra={`${t('profile.descriptionHint')} (${description?.length ?? 0} / ${DESCRIPTION_MAX_LENGTH})`}
      >
        <textarea
          className="reason-input"
          data-testid="profile-description"
          rows={5}
          maxLength={DESCRIPTION_MAX_LENGTH}
        />
      </Form.Item>
      <Form.Item name="address" label={t('profile.address')}>
        <Input data-testid="profile-address" autoComplete="street-address" />
      </Form.Item>
      <Form.Item name="wardCode" label={t('profile.ward')}>
        <WardSelect
          data-testid="profile-ward"
          provinceCode={organization.province.code}
          provinceName={organization.province.name}
        />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="phone" label={t('profile.phone')}>
          <Input data-testid="profile-phone" type="tel" inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name="memberCount"
          label={t('profile.memberCount')}
          rules={[numberRule({ whole: true, example: '40', min: 1, max: MAX_MEMBERS })]}
        >
          <Input data-testid="profile-member-count" inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="foundedYear"
          label={t('profile.foundedYear')}
          rules={[
            numberRule({
              whole: true,
              year: true,
              example: '2012',
              min: FIRST_YEAR,
              max: new Date().getFullYear() + 1,
            }),
          ]}
        >
          <Input data-testid="profile-founded-year" inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </div>
      <p className="muted">{t('profile.private')}</p>
      <FormProblems problems={problems} />
      {saved && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('profile.saved')}
          data-testid="profile-saved"
        />
      )}
      {canEdit && (
        <Button
          data-testid="profile-save"
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={loading}
        >
          {t('profile.save')}
        </Button>
      )}
    </Form>
  );
}

export default function OrganizationProfilePage() {
  const { t } = useTranslation(ORG_NS);
  const { data, error, refetch } = useQuery(ProfileDocument, { fetchPolicy: 'cache-and-network' });
  const me = data?.me;
  const organization = me?.organization;
  const canEdit = me?.organizationRole === 'OWNER' || me?.organizationRole === 'MANAGER';
  return (
    <OrgFrame title={t('profile.title')} organizationId={organization?.id}>
      <p className="muted">{t('profile.intro')}</p>
      {organization ? (
        <>
          {!canEdit && <Alert type="info" showIcon title={t('profile.readOnly')} />}
          <ProfileForm organization={organization} canEdit={canEdit} />
        </>
      ) : (
        <QueryFallback
          answered={!!data}
          error={error}
          onRetry={() => void refetch()}
          notFound={{ title: t('profile.noOrganization'), testId: 'org-none' }}
          loadError={t('profile.loadError')}
        />
      )}
    </OrgFrame>
  );
}
