import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { ContractDetailFieldsFragment, ContractStatus } from '../gql/graphql';
import { CONTRACTS_NS } from './contracts-i18n';
import { formatDay } from './datetime';
import { Field } from './Field';
import { useLanguage } from './i18n';
import { formatAmount, formatQuantity } from './products';

/** A contract in a list (the parties' list, the staff's dispute queue): who, what, how much. */
export const ContractSummaryFields = graphql(`
  fragment ContractSummaryFields on Contract {
    id
    status
    quantity
    promisedDate
    total {
      amount
      currency
    }
    buyer {
      id
      name
      verification
    }
    supplier {
      id
      name
      verification
    }
    need {
      id
      title
      unit {
        code
        name
        symbol
      }
    }
  }
`);

/** What the contract page shows; every contract mutation answers it, so Apollo redraws the page. */
export const ContractDetailFields = graphql(`
  fragment ContractDetailFields on Contract {
    ...ContractSummaryFields
    createdAt
    completedAt
    unitPrice {
      amount
      currency
    }
    shipments {
      id
      quantity
      shippedAt
      onTime
      acceptedQuantity
      receivedAt
      note
      receiptNote
    }
    reviews {
      reviewer {
        id
        name
      }
      rating
      comment
      createdAt
    }
    dispute {
      openedBy {
        id
        name
      }
      reason
      openedAt
      statement
      resolution
      outcome
      resolvedAt
    }
  }
`);

export type ContractDetail = ContractDetailFieldsFragment;

const CONTRACT_STATUS_COLOR: Record<ContractStatus, string> = {
  ACTIVE: 'blue',
  DELIVERING: 'geekblue',
  COMPLETED: 'green',
  DISPUTED: 'volcano',
  CANCELLED: 'default',
};

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation(CONTRACTS_NS);
  return (
    <Tag color={CONTRACT_STATUS_COLOR[status]} data-testid="contract-status" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

interface FactsContract {
  quantity: string;
  promisedDate: string;
  unitPrice: { amount: string };
  total: { amount: string };
  buyer: Party;
  supplier: Party;
  need: { unit: { name: string; symbol: string } };
}

interface Party {
  name: string;
  verification: string;
}

/** A party's name; one suspended since it signed stays named, and marked (decision 139). */
function PartyName({ party, testId }: { party: Party; testId: string }) {
  const { t } = useTranslation(CONTRACTS_NS);
  return (
    <>
      <span data-testid={testId}>{party.name}</span>
      {party.verification === 'SUSPENDED' && (
        <Tag color="warning" className="party-suspended" data-testid={`${testId}-suspended`}>
          {t('facts.suspended')}
        </Tag>
      )}
    </>
  );
}

/** Parties, quantity, unit price, total and the promised date, as a definition list. */
export function ContractFacts({ contract: c }: { contract: FactsContract }) {
  const { t } = useTranslation(CONTRACTS_NS);
  const language = useLanguage();
  return (
    <dl className="fields contract-facts">
      <Field label={t('facts.buyer')}>
        <PartyName party={c.buyer} testId="contract-buyer" />
      </Field>
      <Field label={t('facts.supplier')}>
        <PartyName party={c.supplier} testId="contract-supplier" />
      </Field>
      <Field label={t('facts.quantity')}>
        <span data-testid="contract-quantity">
          {formatQuantity(c.quantity, language)} {c.need.unit.name}
        </span>
      </Field>
      <Field label={t('facts.unitPrice')}>
        {t('facts.price', {
          amount: formatAmount(c.unitPrice.amount, language),
          unit: c.need.unit.symbol,
        })}
      </Field>
      <Field label={t('facts.total')}>
        <span data-testid="contract-total">
          {t('facts.money', { amount: formatAmount(c.total.amount, language) })}
        </span>
      </Field>
      <Field label={t('facts.promisedDate')}>{formatDay(c.promisedDate, language)}</Field>
    </dl>
  );
}
