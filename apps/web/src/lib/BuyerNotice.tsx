import { useQuery } from '@apollo/client/react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { ONBOARD_NS } from './onboard-i18n';

const MyOrganizationStatusDocument = graphql(`
  query MyOrganizationStatus {
    me {
      id
      organization {
        id
        kind
        verification
      }
    }
  }
`);

/** The caller's organization's kind and verification, for the pages that depend on them (undefined while loading). */
export function useMyOrganizationStatus() {
  const { data } = useQuery(MyOrganizationStatusDocument, { fetchPolicy: 'cache-and-network' });
  return data?.me?.organization ?? undefined;
}

/** What a buyer sees instead of "my products": buyers do not list (the API refuses it too). */
export function BuyerNotice() {
  const { t } = useTranslation(ONBOARD_NS);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="buyer-no-products"
      title={t('buyer.title')}
      description={
        <>
          <p>{t('buyer.text')}</p>
          <Link to="/nha-cung-cap" className="link-button link-button-primary">
            {t('buyer.findSuppliers')}
          </Link>
        </>
      }
    />
  );
}
