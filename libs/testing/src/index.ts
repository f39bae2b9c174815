export * from './graphql-client';
export * from './smtp-listener';
export * from './database';
export * from './fixtures';
export * from './redis';
export * from './s3-stand-in';
export * from './images';
export * from './throwaway';
