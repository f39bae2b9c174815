export { Accounts1763800000000 } from './1763800000000-accounts';
