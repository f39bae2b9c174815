export { Accounts1763800000000 } from './1763800000000-accounts';
export { VerificationNote1763800500000 } from './1763800500000-verification-note';
