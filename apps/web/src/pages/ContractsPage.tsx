import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { graphql } from '../gql';
import type { MyContractsQuery } from '../gql/graphql';
import { useSignedIn } from '../lib/auth';
import { ContractStatusTag } from '../lib/ContractParts';
import { CONTRACTS_NS } from '../lib/contracts-i18n';
import { formatDay } from '../lib/datetime';
import { useLanguage } from '../lib/i18n';
import { useNeedPoster } from '../lib/need-poster';
import { formatAmount, formatQuantity } from '../lib/products';
import { ListQueryResults } from '../lib/ListQueryResults';
import { useListQuery } from '../lib/use-list-query';

const MyContractsDocument = graphql(`
  query MyContracts($first: Int!, $after: String) {
    myContracts(first: $first, after: $after) {
      ...ContractSummaryFields
    }
  }
`);

type Contract = MyContractsQuery['myContracts'][number];

const PAGE_SIZE = 20;

function ContractCard({ contract: c, orgId }: { contract: Contract; orgId: string | null }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  const buying = c.buyer.id === orgId;
  return (
    <li className="my-product need-card" data-testid="contracts-item" data-contract-id={c.id}>
      <div className="my-product-head">
        <Link to={`/hop-dong/${c.id}`} className="my-product-name">
          {c.need.title}
        </Link>
        <ContractStatusTag status={c.status} />
      </div>
      <p className="muted">
        {buying
          ? t('list.asBuyer', { name: c.supplier.name })
          : t('list.asSupplier', { name: c.buyer.name })}
      </p>
      <dl className="product-card-facts need-card-facts">
        <div>
          <dt>{t('facts.quantity')}</dt>
          <dd>
            {formatQuantity(c.quantity, language)} {c.need.unit.name}
          </dd>
        </div>
        <div>
          <dt>{t('facts.total')}</dt>
          <dd>{t('facts.money', { amount: formatAmount(c.total.amount, language) })}</dd>
        </div>
        <div>
          <dt>{t('facts.promisedDate')}</dt>
          <dd>{formatDay(c.promisedDate, language)}</dd>
        </div>
      </dl>
    </li>
  );
}

/** Either side's contracts, newest first, 20 at a time. */
function MyContracts() {
  const { t } = useTranslation(CONTRACTS_NS);
  const poster = useNeedPoster();
  const list = useListQuery(MyContractsDocument, { first: PAGE_SIZE }, 'myContracts');
  return (
    <div className="page page-narrow my-products-page">
      <h1>{t('list.title')}</h1>
      <p className="muted">{t('list.intro')}</p>
      <ListQueryResults
        query={list}
        label={t('list.label')}
        empty={t('list.empty')}
        loadError={t('list.loadError')}
        render={(c) => (
          <ContractCard key={c.id} contract={c} orgId={poster?.organizationId ?? null} />
        )}
        testId="contracts"
      />
    </div>
  );
}

export default function ContractsPage() {
  const signedIn = useSignedIn();
  if (!signedIn) return <Navigate to="/dang-nhap" replace state={{ from: '/hop-dong' }} />;
  return <MyContracts />;
}
