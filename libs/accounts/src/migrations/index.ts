export { Accounts1763800000000 } from './1763800000000-accounts';
export { VerificationNote1763800500000 } from './1763800500000-verification-note';
export { ProfilesTeams1763800700000 } from './1763800700000-profiles-teams';
export { Documents1763800800000 } from './1763800800000-documents';
export { OrganizationLogo1763802100000 } from './1763802100000-organization-logo';
export { PasswordResets1763802350000 } from './1763802350000-password-resets';
export { CatalogOutboxEventId1763805500000 } from './1763805500000-outbox-event-id';
export { CatalogServiceRole1763805800000 } from './1763805800000-service-role';
