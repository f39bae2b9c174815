import { useMutation } from '@apollo/client/react';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { DESK_NS } from './desk-i18n';
import { hasErrorCode } from './errors';
import type { StaffOrganization } from './OrganizationFacts';
import { ReasonDialog } from './ReasonDialog';

const ModerateOrganizationDocument = graphql(`
  mutation ModerateOrganization($subjectId: ID!, $decision: ModerationDecision!, $reason: String) {
    moderate(subject: ORGANIZATION, subjectId: $subjectId, decision: $decision, reason: $reason) {
      id
      subjectId
    }
  }
`);

const SuspendOrganizationDocument = graphql(`
  mutation SuspendOrganization($id: ID!, $reason: String!) {
    suspendOrganization(id: $id, reason: $reason) {
      id
      verification
      verificationNote
    }
  }
`);

const ReinstateOrganizationDocument = graphql(`
  mutation ReinstateOrganization($id: ID!, $reason: String!) {
    reinstateOrganization(id: $id, reason: $reason) {
      id
      verification
      verificationNote
    }
  }
`);

export type ReviewOutcome = 'approved' | 'rejected' | 'suspended' | 'reinstated';
type Dialog = 'reject' | 'suspend' | 'reinstate' | 'approveNoDocs';

const REJECT_TEMPLATES = [
  'taxCodeMismatch',
  'missingDocuments',
  'contactUnverifiable',
  'duplicate',
] as const;
const SUSPEND_TEMPLATES = ['fraudReports', 'deliveryFailures', 'documentsExpired'] as const;

/**
 * Someone else acted on the organization first (CONFLICT), or it no longer exists: the screen
 * is out of date rather than the request wrong.
 */
export function isStale(error: unknown): boolean {
  return hasErrorCode(error, 'CONFLICT') || hasErrorCode(error, 'NOT_FOUND');
}

/** Approving an organization that sent no evidence: the moderator confirms it is deliberate. */
function ApproveNoDocsDialog({
  open,
  name,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  name: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t: td } = useTranslation(DESK_NS);
  return (
    <Modal
      open={open}
      title={td('approveNoDocs.title', { name })}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <div className="dialog-actions">
          <Button size="large" onClick={onCancel} data-testid="mod-approve-nodocs-cancel">
            {td('approveNoDocs.cancel')}
          </Button>
          <Button
            type="primary"
            size="large"
            data-testid="mod-approve-nodocs-confirm"
            onClick={onConfirm}
          >
            {td('approveNoDocs.confirm')}
          </Button>
        </div>
      }
    >
      <p data-testid="mod-approve-nodocs">{td('approveNoDocs.body')}</p>
    </Modal>
  );
}

interface ActionsProps {
  organization: StaffOrganization;
  onDone: (outcome: ReviewOutcome) => void;
  /** A failure that no dialog shows: approving, or a decision that came too late. */
  onFailure: (error: unknown) => void;
}

/** The decisions the organization's status allows, each confirmed in its dialog. */
export function ReviewActions({ organization, onDone, onFailure }: ActionsProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [approving, setApproving] = useState(false);
  const [moderate] = useMutation(ModerateOrganizationDocument);
  const [suspend] = useMutation(SuspendOrganizationDocument);
  const [reinstate] = useMutation(ReinstateOrganizationDocument);
  const { id } = organization;

  // `moderate` answers with the queue item, not the organization, so the cached organization
  // is brought up to date by hand; suspend and reinstate return it and update the cache alone.
  function decide(decision: 'APPROVE' | 'REJECT', reason: string | null) {
    return moderate({
      variables: { subjectId: id, decision, reason },
      update(cache) {
        cache.modify({
          id: cache.identify({ __typename: 'Organization', id }),
          fields: {
            verification: () => (decision === 'APPROVE' ? 'VERIFIED' : 'REJECTED'),
            verificationNote: () => reason,
          },
        });
      },
    });
  }

  async function approve() {
    setApproving(true);
    try {
      await decide('APPROVE', null);
      onDone('approved');
    } catch (error) {
      onFailure(error);
    } finally {
      setApproving(false);
    }
  }

  /** Runs a decision from a dialog; a stale screen closes it, anything else stays in it. */
  async function confirm(run: () => Promise<unknown>, outcome: ReviewOutcome) {
    try {
      await run();
    } catch (error) {
      if (!isStale(error)) throw error;
      setDialog(null);
      onFailure(error);
      return;
    }
    setDialog(null);
    onDone(outcome);
  }

  const name = organization.name;
  return (
    <>
      <div className="review-actions">
        {organization.verification === 'PENDING_VERIFICATION' && (
          <>
            <Button
              data-testid="mod-approve"
              type="primary"
              size="large"
              loading={approving}
              // No evidence to compare with: the moderator confirms that this is deliberate.
              onClick={() =>
                organization.documents?.length === 0 ? setDialog('approveNoDocs') : void approve()
              }
            >
              {t('moderation.approve')}
            </Button>
            <Button
              data-testid="mod-reject"
              danger
              size="large"
              disabled={approving}
              onClick={() => setDialog('reject')}
            >
              {t('moderation.reject')}
            </Button>
          </>
        )}
        {organization.verification === 'VERIFIED' && (
          <Button
            data-testid="mod-suspend"
            danger
            size="large"
            onClick={() => setDialog('suspend')}
          >
            {t('moderation.suspend')}
          </Button>
        )}
        {organization.verification === 'SUSPENDED' && (
          <Button
            data-testid="mod-reinstate"
            type="primary"
            size="large"
            onClick={() => setDialog('reinstate')}
          >
            {t('moderation.reinstate')}
          </Button>
        )}
        {organization.verification === 'REJECTED' && (
          <p className="muted">{t('moderation.noActions')}</p>
        )}
      </div>
      <ApproveNoDocsDialog
        open={dialog === 'approveNoDocs'}
        name={name}
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          setDialog(null);
          void approve();
        }}
      />
      <ReasonDialog
        open={dialog === 'reject'}
        title={t('moderation.rejectDialog.title', { name })}
        intro={t('moderation.rejectDialog.intro')}
        reasonLabel={t('moderation.rejectDialog.reasonLabel')}
        confirmLabel={t('moderation.rejectDialog.confirm')}
        danger
        templates={REJECT_TEMPLATES.map((key) => t(`moderation.rejectTemplates.${key}`))}
        testIdPrefix="mod-reject"
        onConfirm={(reason) => confirm(() => decide('REJECT', reason), 'rejected')}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog
        open={dialog === 'suspend'}
        title={t('moderation.suspendDialog.title', { name })}
        intro={t('moderation.suspendDialog.intro')}
        reasonLabel={t('moderation.suspendDialog.reasonLabel')}
        confirmLabel={t('moderation.suspendDialog.confirm')}
        danger
        templates={SUSPEND_TEMPLATES.map((key) => t(`moderation.suspendTemplates.${key}`))}
        testIdPrefix="mod-suspend"
        onConfirm={(reason) => confirm(() => suspend({ variables: { id, reason } }), 'suspended')}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog
        open={dialog === 'reinstate'}
        title={t('moderation.reinstateDialog.title', { name })}
        intro={t('moderation.reinstateDialog.intro')}
        reasonLabel={t('moderation.reinstateDialog.reasonLabel')}
        confirmLabel={t('moderation.reinstateDialog.confirm')}
        testIdPrefix="mod-reinstate"
        onConfirm={(reason) =>
          confirm(() => reinstate({ variables: { id, reason } }), 'reinstated')
        }
        onClose={() => setDialog(null)}
      />
    </>
  );
}
