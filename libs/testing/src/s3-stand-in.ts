import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * The few S3 endpoints LienKet calls (PutObject, GetObject, DeleteObject, ListObjectsV2), on loopback, for tests of
 * the real S3 client where no S3 is reachable. It keeps objects in memory, checks that requests are
 * signed with the expected access key, and answers errors in S3's XML shape. Path-style only.
 */
export class S3StandIn {
  readonly objects = new Map<string, { bytes: Buffer; contentType: string; modified?: Date }>();
  /** Objects per ListObjectsV2 page (S3 answers at most 1,000). */
  pageSize = 1000;
  private server?: Server;

  constructor(
    readonly bucket: string,
    readonly accessKeyId: string,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse) {
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    });
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith(`AWS4-HMAC-SHA256 Credential=${this.accessKeyId}/`)) return error(res, 403, 'InvalidAccessKeyId');
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname);
    const [, bucket, ...rest] = path.split('/');
    const key = rest.join('/');
    if (bucket !== this.bucket) return error(res, 404, 'NoSuchBucket');
    if (req.method === 'GET' && !key && new URL(req.url ?? '/', 'http://s3').searchParams.get('list-type') === '2') {
      return this.list(res, new URL(req.url ?? '/', 'http://s3').searchParams.get('continuation-token'));
    }
    if (req.method === 'PUT') {
      this.objects.set(key, { bytes: body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream'), modified: new Date() });
      res.writeHead(200, { etag: '"stand-in"' }).end();
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      const o = this.objects.get(key);
      if (!o) return error(res, 404, 'NoSuchKey');
      res.writeHead(200, { 'content-type': o.contentType, 'content-length': o.bytes.length, etag: '"stand-in"' });
      res.end(req.method === 'GET' ? o.bytes : undefined);
    } else if (req.method === 'DELETE') {
      this.objects.delete(key);
      res.writeHead(204).end();
    } else {
      error(res, 501, 'NotImplemented');
    }
  }

  /** ListObjectsV2 in key order, paged by a continuation token that is the next page's first index. */
  private list(res: ServerResponse, token: string | null) {
    const keys = [...this.objects.keys()].sort();
    const from = Number(token ?? 0);
    const page = keys.slice(from, from + this.pageSize);
    const more = from + this.pageSize < keys.length;
    const contents = page
      .map((k) => `<Contents><Key>${k}</Key><LastModified>${(this.objects.get(k)!.modified ?? new Date()).toISOString()}</LastModified><Size>${this.objects.get(k)!.bytes.length}</Size></Contents>`)
      .join('');
    const next = more ? `<NextContinuationToken>${from + this.pageSize}</NextContinuationToken>` : '';
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${this.bucket}</Name><KeyCount>${page.length}</KeyCount><IsTruncated>${more}</IsTruncated>${next}${contents}</ListBucketResult>`);
  }
}

function error(res: ServerResponse, status: number, code: string) {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message><RequestId>stand-in</RequestId></Error>`);
}
