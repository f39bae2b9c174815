export * from './moderation.module';
export * from './moderation.types';
