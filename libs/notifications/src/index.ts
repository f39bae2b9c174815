import * as migrations from './migrations';

export * from './mail/mailer.service';
export * from './mail/outgoing-mail.service';
export * from './mail/templates';
/** Every migration of the schema (TypeORM orders them by timestamp): a new one cannot be left out. */
export const MATCHING_MIGRATIONS = Object.values(migrations);
export * from './notifications.module';
export * from './mail/registration-received.handler';
