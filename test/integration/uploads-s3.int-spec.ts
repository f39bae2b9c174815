import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { asGateway, gql, PNG_1X1, S3StandIn, SIGN_UP, signUpInput, WEBP_1X1 } from '@lienket/testing';
import { RunningApp, startSubgraph } from '../support/subgraph';
import { CatalogAppModule } from '../../apps/catalog/src/app.module';

// The catalog subgraph configured for S3 keeps documents, photos and logos in the bucket (a local
// stand-in of the S3 endpoints, through the real client), and nothing on local disk.
const standIn = new S3StandIn('lienket-uploads', 'catalog-key');
let catalog: RunningApp;
let base: string;
const S3_ENV = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

beforeAll(async () => {
  Object.assign(process.env, { S3_ENDPOINT: await standIn.start(), S3_BUCKET: 'lienket-uploads', S3_ACCESS_KEY_ID: 'catalog-key', S3_SECRET_ACCESS_KEY: 'secret' });
  catalog = await startSubgraph(CatalogAppModule);
  base = catalog.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await catalog?.close();
  await standIn.stop();
  for (const k of S3_ENV) delete process.env[k];
});

function post(path: string, token: string, file: Buffer, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(file)]), 'f');
  return fetch(`${base}${path}`, { method: 'POST', body: form, headers: { ...asGateway(), authorization: `Bearer ${token}` } });
}
const keysOf = (orgId: string) => [...standIn.objects.keys()].filter((k) => k.startsWith(orgId)).sort();

describe('uploads with S3-compatible storage configured', () => {
  it('store documents, listing photos and logos in the bucket, serve them from it and delete them there', async () => {
    const up = await gql<{ signUp: { accessToken: string; user: { organization: { id: string } } } }>(catalog.url, SIGN_UP, { input: signUpInput() });
    const { accessToken: token, user } = up.data!.signUp;
    const orgId = user.organization.id;

    const doc = (await (await post('/api/documents', token, Buffer.from('%PDF-1.7\n%%EOF'), { kind: 'OTHER' })).json()) as { url: string };
    const created = await gql<{ createProduct: { id: string } }>(
      catalog.url,
      `mutation($input: ProductInput!) { createProduct(input: $input) { id } }`,
      { input: { categoryCode: '0902', name: 'Chè Tân Cương', unitCode: 'KGM', monthlyCapacity: '500' } },
      { token },
    );
    const productId = created.data!.createProduct.id;
    const photo = (await (await post(`/api/products/${productId}/photos`, token, PNG_1X1)).json()) as { id: string; url: string };
    const logo = (await (await post('/api/organization/logo', token, WEBP_1X1)).json()) as { logoUrl: string };

    // Photos and logos are stored re-encoded, each with a WebP thumbnail beside it.
    expect(keysOf(orgId)).toEqual([
      expect.stringMatching(new RegExp(`^${orgId}/[0-9a-f-]{36}\\.pdf$`)),
      expect.stringMatching(/\/logo\/[0-9a-f-]{36}\.thumb\.webp$/),
      expect.stringMatching(/\/logo\/[0-9a-f-]{36}\.webp$/),
      expect.stringMatching(/\/photos\/[0-9a-f-]{36}\.png$/),
      expect.stringMatching(/\/photos\/[0-9a-f-]{36}\.thumb\.webp$/),
    ]);
    expect(existsSync(join(process.env.UPLOAD_DIR ?? 'var/uploads', orgId))).toBe(false);
    expect(standIn.objects.get(keysOf(orgId).find((k) => k.includes('/photos/'))!)?.contentType).toBe('image/png');

    const auth = { headers: { ...asGateway(), authorization: `Bearer ${token}` } };
    const stored = (part: RegExp) => standIn.objects.get(keysOf(orgId).find((k) => part.test(k))!)!.bytes;
    expect(Buffer.from(await (await fetch(`${base}${photo.url}`, auth)).arrayBuffer()).equals(stored(/photos\/[0-9a-f-]+\.png$/))).toBe(true);
    expect(Buffer.from(await (await fetch(`${base}${logo.logoUrl}`, auth)).arrayBuffer()).equals(stored(/logo\/[0-9a-f-]+\.webp$/))).toBe(true);
    expect((await fetch(`${base}${doc.url}`, auth)).status).toBe(200);

    expect((await fetch(`${base}/api/products/${productId}/photos/${photo.id}`, { method: 'DELETE', ...auth })).status).toBe(204);
    expect((await fetch(`${base}/api/organization/logo`, { method: 'DELETE', ...auth })).status).toBe(204);
    expect(keysOf(orgId)).toEqual([expect.stringMatching(/\.pdf$/)]);
  });
});
