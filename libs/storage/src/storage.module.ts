import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lienket/config';
import { FileStorage, LocalDiskStorage } from './file.storage';
import { S3Storage } from './s3.storage';

export function createFileStorage(config: AppConfig['storage']): FileStorage {
  return config.kind === 's3' ? new S3Storage(config) : new LocalDiskStorage(config.dir);
}

@Injectable()
class StorageCloser implements OnApplicationShutdown {
  constructor(@Inject(FileStorage) private readonly storage: FileStorage) {}
  onApplicationShutdown() {
    if (this.storage instanceof S3Storage) this.storage.destroy();
  }
}

/** One FileStorage for documents, listing photos and logos, chosen by configuration. */
@Module({
  providers: [{ provide: FileStorage, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createFileStorage(c.storage) }, StorageCloser],
  exports: [FileStorage],
})
export class FileStorageModule {}
