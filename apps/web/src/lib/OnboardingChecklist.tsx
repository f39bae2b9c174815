import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OnboardingStepKey, VerificationStatus } from '../gql/graphql';
import { ONBOARD_NS } from './onboard-i18n';

export interface Checklist {
  doneCount: number;
  total: number;
  complete: boolean;
  steps: readonly { key: OnboardingStepKey; done: boolean }[];
}

/** Where each step is done. Verification has nothing to press: its page shows the documents and the status. */
const WHERE: Record<OnboardingStepKey, string> = {
  DOCUMENTS: '/to-chuc/tai-lieu',
  PROFILE: '/to-chuc',
  FIRST_PRODUCT: '/san-pham/moi',
  TEAM: '/to-chuc/thanh-vien',
  VERIFICATION: '/to-chuc/tai-lieu',
};

/** What the verification step says while it is not done: waiting, or what stands in the way. */
function verificationState(verification: VerificationStatus, documentsDone: boolean) {
  if (verification === 'REJECTED') return 'rejected';
  if (verification === 'SUSPENDED') return 'suspended';
  return documentsDone ? 'waiting' : 'needsDocuments';
}

/**
 * The getting-started checklist on the account page: every step ticked by the server from what the
 * organization has really done, each linking to where it is done. Gone once everything is done.
 */
export function OnboardingChecklist({
  checklist,
  verification,
}: {
  checklist: Checklist;
  verification: VerificationStatus;
}) {
  const { t } = useTranslation(ONBOARD_NS);
  if (checklist.complete) return null;
  const documentsDone = checklist.steps.some((s) => s.key === 'DOCUMENTS' && s.done);
  return (
    <section
      className="card onboarding"
      aria-labelledby="onboarding-title"
      data-testid="onboarding"
    >
      <h2 id="onboarding-title">{t('checklist.title')}</h2>
      <p className="muted">{t('checklist.intro')}</p>
      <div className="onboarding-progress">
        <progress
          value={checklist.doneCount}
          max={checklist.total}
          aria-label={t('checklist.progressLabel')}
        />
        <span data-testid="onboarding-progress">
          {t('checklist.progress', { done: checklist.doneCount, total: checklist.total })}
        </span>
      </div>
      <ol className="onboarding-steps">
        {checklist.steps.map((step) => (
          <li
            key={step.key}
            className={step.done ? 'onboarding-step onboarding-step-done' : 'onboarding-step'}
            data-testid="onboarding-step"
            data-step={step.key}
            data-done={step.done}
          >
            <span className="onboarding-mark" aria-hidden="true">
              {step.done ? '✓' : ''}
            </span>
            <div>
              <Link to={WHERE[step.key]} className="onboarding-link">
                {t(`checklist.steps.${step.key}.title`)}
              </Link>
              <p className="onboarding-help">{t(`checklist.steps.${step.key}.help`)}</p>
              <p className="onboarding-state" data-testid="onboarding-state">
                {step.done
                  ? t('checklist.done')
                  : step.key === 'VERIFICATION'
                    ? t(`checklist.${verificationState(verification, documentsDone)}`)
                    : t('checklist.todo')}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
