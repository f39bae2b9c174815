export * from './logger.module';
export * from './health';
export * from './http-app';
export * from './service-host';
export * from './early-answer';
