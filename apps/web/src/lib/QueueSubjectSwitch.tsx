import { useTranslation } from 'react-i18next';
import { PRODUCTS_NS } from './products-i18n';

/** What the queue lists: organizations awaiting verification, or listings awaiting review. */
export type QueueSubject = 'ORGANIZATION' | 'PRODUCT';

const CHOICES = [
  {
    value: 'ORGANIZATION',
    label: 'review.subjectOrganizations',
    testId: 'mod-subject-organization',
  },
  { value: 'PRODUCT', label: 'review.subjectProducts', testId: 'mod-subject-product' },
] as const;

/** Two toggle buttons above the moderation queue: "Tổ chức" / "Sản phẩm". */
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
