export { Matching1763800200000 } from './1763800200000-matching';
export { Notifications1763800900000 } from './1763800900000-notifications';
export { CertificationExpiry1763802200000 } from './1763802200000-certification-expiry';
export { MatchingServiceRole1763805800000 } from './1763805800000-service-role';
export { MatcherReadGrants1763806300000 } from './1763806300000-sweep-and-listing-grants';
export { NoticesWrittenOnce1763806900000 } from './1763806900000-notices-written-once';
export { MatchingReadModel1763807700000 } from './1763807700000-matching-read-model';
