export * from './data-source';
export * from './outbox';
export * from './connectivity';
export * from './database.module';
export * from './plain-read';
export * from './roles';
export * from './sql-count';
export * from './prepared';
