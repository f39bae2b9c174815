import { useTranslation } from 'react-i18next';
import type { AuditSubject } from '../gql/graphql';
import { DESK_NS } from './desk-i18n';

// How the audit log's recorded codes read to staff. Fields with a readable name; actions and
// subjects are looked up in the desk texts. Anything newer shows as recorded rather than as a
// missing-text key.
export const AUDIT_FIELDS = [
  'verification',
  'name',
  'address',
  'phone',
  'memberCount',
  'description',
  'email',
  'role',
  'userId',
] as const;
export const AUDIT_DESK_FIELDS = ['status', 'kind', 'filename', 'logoId', 'photoId', 'id'] as const;
export const AUDIT_SUBJECTS = [
  'ORGANIZATION',
  'PRODUCT',
  'NEED',
  'USER',
] as const satisfies readonly AuditSubject[];
const LISTING_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'ARCHIVED'] as const;
const DOCUMENT_KINDS = ['BUSINESS_REGISTRATION', 'CERTIFICATE', 'OTHER'] as const;
const STATUSES = ['PENDING_VERIFICATION', 'VERIFIED', 'REJECTED', 'SUSPENDED'] as const;
const ORG_ROLES = ['OWNER', 'MANAGER', 'MEMBER'] as const;

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/** An action's words in the reader's language ("organization.verified" → "Xác minh tổ chức"), or the code when there are none yet. */
export function useActionText() {
  const { t, i18n } = useTranslation(DESK_NS);
  return (action: string) => {
    const key = `audit.actions.${action}`;
    return /^[a-z_]+\.[a-z_]+$/.test(action) && i18n.exists(key, { ns: DESK_NS })
      ? t(key as 'audit.actions.user.password_reset')
      : action;
  };
}

/** A recorded value as plain text; React escapes it, so nothing recorded can become markup. */
export function useValueText() {
  const { t } = useTranslation();
  const { t: td } = useTranslation(DESK_NS);
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'status' && isOneOf(LISTING_STATUSES, value))
      return td(`audit.statuses.${value}`);
    if (field === 'kind' && isOneOf(DOCUMENT_KINDS, value)) return td(`evidence.kind.${value}`);
    if (field === 'verification' && isOneOf(STATUSES, value)) {
      return t(`verification.${value}.label`);
    }
    if (field === 'role' && isOneOf(ORG_ROLES, value)) return t(`orgRole.${value}`);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
  };
}
