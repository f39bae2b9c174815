export * from './moderation.module';
export * from './moderation.types';
export * from './moderation.service';
