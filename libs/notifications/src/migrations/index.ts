export { Matching1763800200000 } from './1763800200000-matching';
export { Notifications1763800900000 } from './1763800900000-notifications';
