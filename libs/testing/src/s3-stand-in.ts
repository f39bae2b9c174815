import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * The few S3 endpoints LienKet calls (PutObject, GetObject, DeleteObject), on loopback, for tests of
 * the real S3 client where no S3 is reachable. It keeps objects in memory, checks that requests are
 * signed with the expected access key, and answers errors in S3's XML shape. Path-style only.
 */
export class S3StandIn {
  readonly objects = new Map<string, { bytes: Buffer; contentType: string }>();
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
    if (req.method === 'PUT') {
      this.objects.set(key, { bytes: body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream') });
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
}

function error(res: ServerResponse, status: number, code: string) {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message><RequestId>stand-in</RequestId></Error>`);
}
