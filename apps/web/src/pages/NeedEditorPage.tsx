import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { NeedAttachmentFieldsFragment } from '../gql/graphql';
import { useSignedIn } from '../lib/auth';
import { hasErrorCode } from '../lib/errors';
import { useLanguage } from '../lib/i18n';
import { EMPTY_NEED, needValuesOf } from '../lib/need-form';
import { useNeedPoster } from '../lib/need-poster';
import { useInvitePrefill } from '../lib/NeedAudience';
import { NEEDS_NS } from '../lib/needs-i18n';
import { NeedAttachments } from '../lib/NeedAttachments';
import { NeedWizard } from '../lib/NeedWizard';
import { QueryFallback } from '../lib/QueryFallback';

const NeedDraftDocument = graphql(`
  query NeedDraft($id: ID!) {
    need(id: $id) {
      ...EditedNeed
    }
  }
`);

function ExistingDraft({ id }: { id: string }) {
  const { t } = useTranslation(NEEDS_NS);
  const language = useLanguage();
  const { data, error, refetch } = useQuery(NeedDraftDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  // need(id) answers NOT_FOUND for another organization's need, as for one that does not exist.
  const notFound = hasErrorCode(error, 'NOT_FOUND');
  const need = notFound ? null : data?.need;
  if (need && need.status !== 'DRAFT') {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="need-not-draft"
        title={t('wizard.notDraft')}
        description={<Link to={`/nhu-cau/${id}`}>{need.title}</Link>}
      />
    );
  }
  // Keyed by id: the form takes its initial values once, when it mounts. Files are saved apart.
  if (need) {
    return (
      <>
        {need.invitedSuppliers.length > 0 && (
          // A reorder's draft: the buyer checks whom it invites again before sending it.
          <Alert
            className="form-notice"
            type="info"
            showIcon
            data-testid="need-invited"
            title={t('wizard.invited', {
              names: need.invitedSuppliers.map((s) => s.name).join(', '),
            })}
          />
        )}
        <NeedWizard
          key={need.id}
          id={need.id}
          initial={needValuesOf(need, language)}
          known={need.invitedSuppliers}
          files={() => (
            <NeedAttachments
              needId={need.id}
              attachments={need.attachments}
              onChanged={() => refetch()}
            />
          )}
        />
      </>
    );
  }
  return (
    <QueryFallback
      answered={!!data || notFound}
      error={notFound ? undefined : error}
      onRetry={() => void refetch()}
      notFound={{ title: t('page.notFound'), testId: 'need-not-found' }}
      loadError={t('wizard.loadError')}
    />
  );
}

/** Who may post: an enterprise's owner or manager; anyone else is told why not, before typing. */
function PosterGate({ id }: { id?: string }) {
  const { t } = useTranslation(NEEDS_NS);
  const poster = useNeedPoster();
  if (poster && !poster.buyer) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="need-not-buyer"
        title={t('wizard.notBuyer')}
        description={
          <Link to="/nhu-cau" className="link-button link-button-primary">
            {t('wizard.toOpenNeeds')}
          </Link>
        }
      />
    );
  }
  if (poster && !poster.canPost) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="need-not-allowed"
        title={t('wizard.notAllowed')}
      />
    );
  }
  return <NeedEditor id={id} />;
}

/**
 * The draft the URL names, or a new need. A file chosen before a new need's first save saves it
 * and moves to its edit URL: the same wizard stays (its step, what was typed, the focus) rather
 * than the draft loading anew. Any other move within the editor starts afresh.
 */
function NeedEditor({ id }: { id?: string }) {
  const [created, setCreated] = useState<string>();
  const [fresh, setFresh] = useState(0);
  const [shownId, setShownId] = useState(id);
  if (id !== shownId) {
    setShownId(id);
    if (created && id !== created) {
      setCreated(undefined);
      setFresh((n) => n + 1);
    }
  }
  if (id && id !== created) return <ExistingDraft id={id} />;
  return <NewNeed key={fresh} created={created} onCreated={setCreated} />;
}

/**
 * A new need, prefilled from the URL when a "Yêu cầu báo giá" button led here; once a chosen file
 * saved it (`created`), that draft's files.
 */
function NewNeed({ created, onCreated }: { created?: string; onCreated: (id: string) => void }) {
  const [params] = useSearchParams();
  const { prefill, known } = useInvitePrefill(params);
  const client = useApolloClient();
  const [files, setFiles] = useState<readonly NeedAttachmentFieldsFragment[]>([]);
  // Given the id: the first file was chosen, and its upload set off, before the draft had one.
  async function reread(needId: string) {
    const { data } = await client.query({
      query: NeedDraftDocument,
      variables: { id: needId },
      fetchPolicy: 'network-only',
    });
    setFiles(data?.need?.attachments ?? []);
  }
  return (
    <NeedWizard
      id={created}
      initial={{ ...EMPTY_NEED, ...prefill }}
      known={known}
      onCreated={onCreated}
      files={(saveFirst) => (
        <NeedAttachments
          needId={created}
          attachments={files}
          onChanged={reread}
          saveFirst={saveFirst}
        />
      )}
    />
  );
}

export default function NeedEditorPage() {
  const { t } = useTranslation(NEEDS_NS);
  const signedIn = useSignedIn();
  const location = useLocation();
  const { id } = useParams();
  if (!signedIn)
    return (
      <Navigate
        to="/dang-nhap"
        replace
        state={{ from: `${location.pathname}${location.search}` }}
      />
    );
  return (
    <div className="page page-narrow product-editor">
      <Link to="/nhu-cau/cua-toi" className="back-link">
        ← {t('wizard.back')}
      </Link>
      <h1>{id ? t('wizard.editTitle') : t('wizard.newTitle')}</h1>
      <PosterGate id={id} />
    </div>
  );
}
