import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field } from './Field';
import { NEEDS_NS } from './needs-i18n';

/**
 * Whom the need invites, each a link to the supplier's page. The server names them to the buyer's
 * organization and platform staff only (anyone else reads an empty list), so for others this shows nothing.
 */
export function NeedInvitedSuppliers({
  suppliers,
}: {
  suppliers: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation(NEEDS_NS);
  if (suppliers.length === 0) return null;
  return (
    <dl className="fields">
      <Field label={t('audience.invitedSuppliers')}>
        <ul className="need-invited-list" data-testid="need-invitees">
          {suppliers.map((s) => (
            <li key={s.id}>
              <Link to={`/nha-cung-cap/${s.id}`} data-testid="need-invitee">
                {s.name}
              </Link>
            </li>
          ))}
        </ul>
      </Field>
    </dl>
  );
}
