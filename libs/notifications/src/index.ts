import { CertificationExpiry1763802200000, Matching1763800200000, MatcherReadGrants1763806300000, MatchingServiceRole1763805800000, Notifications1763800900000 } from './migrations';

export * from './mail/mailer.service';
export * from './mail/outgoing-mail.service';
export * from './mail/templates';
export const MATCHING_MIGRATIONS = [Matching1763800200000, Notifications1763800900000, CertificationExpiry1763802200000, MatchingServiceRole1763805800000, MatcherReadGrants1763806300000];
export * from './notifications.module';
export * from './mail/registration-received.handler';
