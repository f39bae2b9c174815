import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { StorageConfig } from '@lienket/config';
import { checkStorageKey, FileStorage, isStorageKey, StoredFileMissing, StoredObject } from './file.storage';

type S3Config = Extract<StorageConfig, { kind: 's3' }>;

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph, Cloudflare R2, …). With an explicit endpoint
 * the bucket goes in the path, which every S3-compatible server understands; checksums are sent only
 * where the API requires them, since several compatible stores reject the SDK's newer default.
 */
export class S3Storage extends FileStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3Config) {
    super();
    this.bucket = config.bucket;
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.endpoint !== undefined,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: checkStorageKey(key), Body: bytes, ContentType: contentType, ContentLength: bytes.length }),
    );
  }

  async open(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkStorageKey(key) }));
      return answer.Body as Readable;
    } catch (e) {
      if (e instanceof NoSuchKey || (e instanceof S3ServiceException && e.$metadata.httpStatusCode === 404)) throw new StoredFileMissing(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkStorageKey(key) }));
  }

  async *list(): AsyncIterable<StoredObject[]> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token, MaxKeys: 1000 }));
      yield (page.Contents ?? []).flatMap((o) => (o.Key && o.LastModified && isStorageKey(o.Key) ? [{ key: o.Key, modified: o.LastModified }] : []));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  destroy(): void {
    this.client.destroy();
  }
}
