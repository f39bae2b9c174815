export * from './config';
export * from './config.module';
export * from './secrets';
export * from './database-roles';
