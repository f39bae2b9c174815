import { useMutation, useQuery } from '@apollo/client/react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { StaffProductQuery } from '../gql/graphql';
import { Field } from './Field';
import { useLanguage } from './i18n';
import { CertificationTags, usePriceText } from './ProductCard';
import { PhotoGrid } from './ProductPhotos';
import { formatQuantity, LISTING_STATUS_COLOR } from './products';
import { PRODUCTS_NS } from './products-i18n';
import { QueryFallback } from './QueryFallback';
import { ReviewDecisionActions } from './ReviewDecisionActions';
import { useReviewDecision, type ReviewOutcome } from './use-review-decision';

const StaffProductDocument = graphql(`
  query StaffProduct($id: ID!) {
    product(id: $id) {
      ...ProductDetailFields
      moderationNote
      organization {
        id
        name
        verification
        province {
          code
          name
        }
      }
    }
  }
`);

const ModerateProductDocument = graphql(`
  mutation ModerateProduct($subjectId: ID!, $decision: ModerationDecision!, $reason: String) {
    moderate(subject: PRODUCT, subjectId: $subjectId, decision: $decision, reason: $reason) {
      id
      subjectId
    }
  }
`);

export type StaffProduct = NonNullable<StaffProductQuery['product']>;
export type ProductOutcome = ReviewOutcome;

const REJECT_TEMPLATES = [
  'wrongCategory',
  'unrealisticCapacity',
  'certificationProof',
  'unclearDescription',
] as const;

function Facts({ product }: { product: StaffProduct }) {
  const { t } = useTranslation(PRODUCTS_NS);
  const language = useLanguage();
  const price = usePriceText(product);
  const unit = product.unit.name;
  return (
    <dl className="fields">
      <Field label={t('review.organization')}>
        <Link to={`/quan-tri?tab=to-chuc&id=${encodeURIComponent(product.organization.id)}`}>
          {product.organization.name}
        </Link>{' '}
        · {product.organization.province.name}
      </Field>
      <Field label={t('review.category')}>
        <span data-testid="mod-detail-category">{product.category.shortName}</span>
        {/* Moderators check the listing against the tariff wording. */}
        <span className="category-tariff">
          {t('card.hsCode', { code: product.category.code })} — {product.category.name}
        </span>
      </Field>
      <Field label={t('card.capacity')}>
        {t('card.perMonth', { amount: formatQuantity(product.monthlyCapacity, language), unit })}
      </Field>
      {product.minOrderQuantity && (
        <Field label={t('card.minOrder')}>
          {formatQuantity(product.minOrderQuantity, language)} {unit}
        </Field>
      )}
      <Field label={t('card.price')}>
        <span data-testid="mod-detail-price">{price}</span>
      </Field>
      {product.harvestMonths.length > 0 && (
        <Field label={t('card.harvest')}>
          {product.harvestMonths.map((n) => t('editor.month', { n })).join(', ')}
        </Field>
      )}
      {product.description && (
        <Field label={t('review.description')}>
          {/* Plain text from the cooperative: rendered as text, line breaks kept by CSS. */}
          <span className="pre-wrap">{product.description}</span>
        </Field>
      )}
    </dl>
  );
}

export interface ProductReviewProps {
  id: string;
  onDone: (outcome: ProductOutcome, product: StaffProduct) => void;
  /** Someone else decided first: whatever list led here is out of date. */
  onStale?: () => void;
}

/** One listing as staff see it, with approve / reject while it waits. Render with `key={id}`. */
export function ProductReview({ id, onDone, onStale }: ProductReviewProps) {
  const { t } = useTranslation(PRODUCTS_NS);
  const { data, loading, error, refetch } = useQuery(StaffProductDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [moderate] = useMutation(ModerateProductDocument);
  const product = data?.product;
  const { problem, approving, rejecting, setRejecting, approve, reject } =
    useReviewDecision<StaffProduct>({
      decide: (decision, reason) =>
        moderate({ variables: { subjectId: id, decision, reason: reason ?? null } }),
      onDone,
      onStale,
      refetch,
    });

  if (product) {
    return (
      <article className="card review" aria-labelledby="review-title">
        <p className="card-eyebrow">{t('review.subjectProducts')}</p>
        <h2 id="review-title" data-testid="mod-detail-name">
          {product.name}
        </h2>
        <p>
          <Tag
            color={LISTING_STATUS_COLOR[product.status]}
            data-testid="mod-detail-status"
            data-status={product.status}
          >
            {t(`status.${product.status}`)}
          </Tag>
        </p>
        <CertificationTags certifications={product.certifications} />
        <PhotoGrid photos={product.photos} />
        <Facts product={product} />
        <ReviewDecisionActions
          pending={product.status === 'PENDING_REVIEW'}
          problem={problem}
          approving={approving}
          rejecting={rejecting}
          setRejecting={setRejecting}
          onApprove={() => void approve(product)}
          onReject={(reason) => reject(product, reason)}
          reject={{
            title: t('review.rejectTitle', { name: product.name }),
            intro: t('review.rejectIntro'),
            reasonLabel: t('review.reasonLabel'),
            templates: REJECT_TEMPLATES.map((key) => t(`review.rejectTemplates.${key}`)),
          }}
        />
      </article>
    );
  }
  return (
    <QueryFallback
      answered={!error && !loading && !!data}
      error={error}
      onRetry={() => void refetch()}
      notFound={{ title: t('review.notFound'), testId: 'mod-not-found' }}
      loadError={t('review.loadError')}
      rows={7}
    />
  );
}
