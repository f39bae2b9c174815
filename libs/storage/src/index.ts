export * from './file.storage';
export * from './content-type';
export * from './rest';
export * from './image';
export * from './upload-gate';
export * from './orphan-sweep';
export { S3Storage } from './s3.storage';
export { createFileStorage, FileStorageModule } from './storage.module';
