export * from './contracts';
export * from './outbox-relay';
export * from './redis.module';
export * from './outbox-relay.host';
export * from './handler-registry';
export * from './job-handler.decorator';
export * from './worker.host';
