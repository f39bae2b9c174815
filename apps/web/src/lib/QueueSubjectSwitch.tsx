import { useTranslation } from 'react-i18next';
import { PRODUCTS_NS } from './products-i18n';

/** What the queue lists: organizations awaiting verification, listings or needs awaiting review. */
export type QueueSubject = 'ORGANIZATION' | 'PRODUCT' | 'NEED';

const CHOICES = [
  {
    value: 'ORGANIZATION',
    label: 'review.subjectOrganizations',
    testId: 'mod-subject-organization',
  },
  { value: 'PRODUCT', label: 'review.subjectProducts', testId: 'mod-subject-product' },
  { value: 'NEED', label: 'review.subjectNeeds', testId: 'mod-subject-need' },
] as const;

/** Toggle buttons above the moderation queue: "Tổ chức" / "Sản phẩm" / "Nhu cầu". */
export function QueueSubjectSwitch({
  subject,
  onChange,
}: {
  subject: QueueSubject;
  onChange: (subject: QueueSubject) => void;
}) {
  const { t } = useTranslation(PRODUCTS_NS);
  return (
    <div className="mod-subjects" role="group" aria-label={t('review.subject')}>
      {CHOICES.map((choice) => (
        <button
          key={choice.value}
          type="button"
          className="admin-nav-link"
          aria-pressed={subject === choice.value}
          data-testid={choice.testId}
          onClick={() => onChange(choice.value)}
        >
          {t(choice.label)}
        </button>
      ))}
    </div>
  );
}
