import { useMutation } from '@apollo/client/react';
import { Alert, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { apiErrorsOf } from './errors';
import { NEEDS_NS } from './needs-i18n';

const SetTrustedBuyerDocument = graphql(`
  mutation SetTrustedBuyer($id: ID!, $trusted: Boolean!) {
    setTrustedBuyer(organizationId: $id, trusted: $trusted) {
      id
      trustedBuyer
    }
  }
`);

/**
 * Admins: whether an enterprise's needs open without review. The switch moves when the server
 * answers (Apollo's cache), so it never shows a state that was not saved.
 */
export function TrustedBuyerSwitch({
  organization,
}: {
  organization: { id: string; trustedBuyer?: boolean | null };
}) {
  const { t } = useTranslation(NEEDS_NS);
  const [setTrusted, { loading }] = useMutation(SetTrustedBuyerDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const trusted = !!organization.trustedBuyer;

  async function toggle(next: boolean) {
    setProblem(null);
    try {
      await setTrusted({ variables: { id: organization.id, trusted: next } });
    } catch (failure) {
      setProblem(apiErrorsOf(failure)[0]?.message ?? t('errors.network', { ns: 'translation' }));
    }
  }

  return (
    <div className="trusted-buyer">
      <label className="trusted-buyer-row">
        <Switch
          checked={trusted}
          loading={loading}
          onChange={(next) => void toggle(next)}
          aria-describedby="trusted-buyer-help"
          data-testid="trusted-buyer-switch"
        />
        <span>{t('trusted.label')}</span>
      </label>
      <p id="trusted-buyer-help" className="muted">
        {t('trusted.help')}
      </p>
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="trusted-buyer-problem"
          title={problem}
        />
      )}
    </div>
  );
}
