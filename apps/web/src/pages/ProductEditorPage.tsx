import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Form, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { graphql } from '../gql';
import type { ListingStatus, VerificationStatus } from '../gql/graphql';
import { useSignedIn } from '../lib/auth';
import { BuyerNotice, useMyOrganizationStatus } from '../lib/BuyerNotice';
import { FormProblems } from '../lib/FormProblems';
import { useLanguage } from '../lib/i18n';
import { revealFirstError } from '../lib/reveal-errors';
import {
  applyProductErrors,
  EMPTY_PRODUCT,
  inputOf,
  valuesOf,
  type EditedProduct,
  type ProductValues,
} from '../lib/product-form';
import { ProductFormFields } from '../lib/ProductFormFields';
import { ProductPhotos } from '../lib/ProductPhotos';
import { LISTING_STATUS_COLOR } from '../lib/products';
import { PRODUCTS_NS } from '../lib/products-i18n';
import { QueryFallback } from '../lib/QueryFallback';
import { SubmitBlocked } from '../lib/SubmitBlocked';

// Mutations ask for the same fields, so Apollo's cache keeps the editor and the list in step.
graphql(`
  fragment EditedProduct on Product {
    id
    name
    description
    status
    moderationNote
    category {
      code
    }
    unit {
      code
    }
    monthlyCapacity
    minOrderQuantity
    priceUnit {
      code
    }
    priceMin {
      amount
      currency
    }
    priceMax {
      amount
      currency
    }
    harvestMonths
    certifications {
      kind
      issuer
      validUntil
      expired
    }
    photos {
      id
      url
      thumbnailUrl
      width
      height
    }
  }
`);

const ProductEditorDocument = graphql(`
  query ProductEditor($id: ID!) {
    product(id: $id) {
      ...EditedProduct
    }
  }
`);
const CreateProductDocument = graphql(`
  mutation CreateProduct($input: ProductInput!) {
    createProduct(input: $input) {
      ...EditedProduct
    }
  }
`);
const UpdateProductDocument = graphql(`
  mutation UpdateProduct($id: ID!, $input: ProductInput!) {
    updateProduct(id: $id, input: $input) {
      ...EditedProduct
    }
  }
`);
const SubmitProductDocument = graphql(`
  mutation SubmitProduct($id: ID!) {
    submitProduct(id: $id) {
      ...EditedProduct
    }
  }
`);
const ArchiveProductDocument = graphql(`
  mutation ArchiveProduct($id: ID!) {
    archiveProduct(id: $id) {
      ...EditedProduct
    }
  }
`);

type Action = 'save' | 'submit' | 'archive';
type Notice = 'saved' | 'submitted' | 'archived';
const NOTICE: Record<Action, Notice> = { save: 'saved', submit: 'submitted', archive: 'archived' };
// The statuses submitProduct accepts; a new listing is saved first, then submitted.
const SUBMITTABLE: readonly (ListingStatus | undefined)[] = [undefined, 'DRAFT', 'REJECTED'];

function StatusBlock({ product }: { product: EditedProduct }) {
  const { t } = useTranslation(PRODUCTS_NS);
  return (
    <div className="product-status">
      <Tag
        color={LISTING_STATUS_COLOR[product.status]}
        data-testid="product-status"
        data-status={product.status}
      >
        {t(`status.${product.status}`)}
      </Tag>
      <p className="muted">{t(`statusHelp.${product.status}`)}</p>
      {product.status === 'REJECTED' && product.moderationNote && (
        <Alert
          type="error"
          showIcon
          title={t('editor.moderationNote')}
          description={<span data-testid="product-moderation-note">{product.moderationNote}</span>}
        />
      )}
    </div>
  );
}

/** Why "submit for review" is off before anyone presses it: only a verified organization may publish. */
function Editor({
  product,
  verification,
}: {
  product?: EditedProduct;
  verification?: VerificationStatus;
}) {
  const { t } = useTranslation(PRODUCTS_NS);
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<ProductValues>();
  const language = useLanguage();
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice | null>(
    (location.state as { notice?: Notice } | null)?.notice ?? null,
  );
  const [busy, setBusy] = useState<Action | null>(null);
  const [create] = useMutation(CreateProductDocument);
  const [update] = useMutation(UpdateProductDocument);
  const [submitProduct] = useMutation(SubmitProductDocument);
  const [archive] = useMutation(ArchiveProductDocument);

  /** Saves what is in the form and returns the listing's id. */
  async function save(values: ProductValues): Promise<string> {
    const input = inputOf(values, language);
    if (product) {
      await update({ variables: { id: product.id, input } });
      return product.id;
    }
    const { data } = await create({ variables: { input } });
    if (!data) throw new Error('createProduct returned no data');
    return data.createProduct.id;
  }

  async function run(action: Action) {
    setProblems([]);
    setNotice(null);
    let values: ProductValues | null = null;
    if (action !== 'archive') {
      try {
        values = await form.validateFields();
      } catch {
        // antd shows every message under its field; the first one is brought into view.
        revealFirstError(form);
        return;
      }
    }
    setBusy(action);
    try {
      let id = product?.id;
      if (values) id = await save(values);
      if (!id) return;
      if (action === 'submit') await submitProduct({ variables: { id } });
      if (action === 'archive') await archive({ variables: { id } });
      const next = NOTICE[action];
      if (product) setNotice(next);
      // A new listing gets its own address, so reloading the page keeps it.
      else navigate(`/san-pham/${id}`, { replace: true, state: { notice: next } });
    } catch (error) {
      setProblems(applyProductErrors(form, error) ?? [t('errors.network', { ns: 'translation' })]);
      revealFirstError(form);
    } finally {
      setBusy(null);
    }
  }

  const status = product?.status;
  // Known to be unverified: say so now rather than let the click fail (the server refuses anyway).
  const submitBlocked =
    SUBMITTABLE.includes(status) && verification !== undefined && verification !== 'VERIFIED';
  return (
    <Form<ProductValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={product ? valuesOf(product) : EMPTY_PRODUCT}
      // A success notice never stays beside what the next edit gets wrong.
      onValuesChange={() => setNotice(null)}
      onFinish={() => void run('save')}
      onFinishFailed={() => {
        setNotice(null);
        setProblems([]);
        revealFirstError(form);
      }}
      noValidate
      className="product-form"
    >
      {product && <StatusBlock product={product} />}
      <ProductFormFields form={form} />
      <FormProblems problems={problems} />
      {notice && (
        <Alert
          className="form-notice"
          type="success"
          showIcon
          role="status"
          data-testid="product-notice"
          title={t(`editor.${notice}`)}
        />
      )}
      {submitBlocked && verification && <SubmitBlocked verification={verification} />}
      <div className="form-actions">
        <Button
          data-testid="product-save"
          htmlType="submit"
          size="large"
          loading={busy === 'save'}
          disabled={busy !== null}
        >
          {t('editor.save')}
        </Button>
        {SUBMITTABLE.includes(status) && (
          <Button
            data-testid="product-submit"
            type="primary"
            size="large"
            loading={busy === 'submit'}
            disabled={busy !== null || submitBlocked}
            aria-describedby={submitBlocked ? 'submit-blocked' : undefined}
            onClick={() => void run('submit')}
          >
            {t('editor.submit')}
          </Button>
        )}
        {status === 'APPROVED' && (
          <Popconfirm
            title={t('editor.archiveConfirm')}
            okText={t('editor.archive')}
            cancelText={t('editor.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'product-archive-confirm' }}
            onConfirm={() => run('archive')}
          >
            <Button
              data-testid="product-archive"
              danger
              size="large"
              loading={busy === 'archive'}
              disabled={busy !== null}
            >
              {t('editor.archive')}
            </Button>
          </Popconfirm>
        )}
      </div>
    </Form>
  );
}

function ExistingProduct({ id, verification }: { id: string; verification?: VerificationStatus }) {
  const { t } = useTranslation(PRODUCTS_NS);
  const { data, error, refetch } = useQuery(ProductEditorDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  if (data) {
    if (!data.product) return <Alert type="warning" showIcon title={t('editor.notFound')} />;
    // Keyed by id: the form takes its initial values once, when it mounts.
    return (
      <>
        <Editor key={data.product.id} product={data.product} verification={verification} />
        <ProductPhotos
          productId={data.product.id}
          photos={data.product.photos}
          onChanged={refetch}
        />
      </>
    );
  }
  return (
    <QueryFallback
      answered={false}
      error={error}
      onRetry={() => void refetch()}
      loadError={t('editor.loadError')}
      rows={10}
    />
  );
}

export default function ProductEditorPage() {
  const signedIn = useSignedIn();
  const location = useLocation();
  const { id } = useParams();
  if (!signedIn) {
    return <Navigate to="/dang-nhap" replace state={{ from: location.pathname }} />;
  }
  return <EditorPage id={id} />;
}

function EditorPage({ id }: { id?: string }) {
  const { t } = useTranslation(PRODUCTS_NS);
  const organization = useMyOrganizationStatus();
  if (organization?.kind === 'ENTERPRISE') {
    return (
      <div className="page page-narrow product-editor">
        <h1>{t('editor.newTitle')}</h1>
        <BuyerNotice />
      </div>
    );
  }
  return (
    <div className="page page-narrow product-editor">
      <Link to="/san-pham" className="back-link">
        ← {t('editor.back')}
      </Link>
      <h1>{id ? t('editor.editTitle') : t('editor.newTitle')}</h1>
      {id ? (
        <ExistingProduct id={id} verification={organization?.verification} />
      ) : (
        <>
          <Editor verification={organization?.verification} />
          <Alert className="photos-later" type="info" showIcon title={t('photos.saveFirst')} />
        </>
      )}
    </div>
  );
}
