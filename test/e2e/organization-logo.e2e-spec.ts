import sharp from 'sharp';
import { image, PNG_1X1, pngOfSize, WEBP_1X1 } from '@lienket/testing';
import { api, rows } from '../support/e2e';
import { approve, del, get, memberToken, restError, sendFile, signUpOrg, storedFiles } from '../support/uploads';

const LOGO = `query($id: ID!) { organization(id: $id) { id logoUrl logoThumbnailUrl } }`;
const logoRow = async (orgId: string) => (await rows<{ logo_id: string | null }>(`SELECT logo_id FROM catalog.organizations WHERE id = $1`, [orgId]))[0].logo_id;
const logoUrlOf = async (orgId: string, token?: string) => (await api<{ organization: { logoUrl: string | null } | null }>(LOGO, { id: orgId }, { token })).data?.organization?.logoUrl;

describe('organization logo through the gateway', () => {
  it('uploads, replaces and removes the logo, keeping one logo and its thumbnail', async () => {
    const coop = await signUpOrg();
    const first = await sendFile('/api/organization/logo', coop.token, PNG_1X1, 'logo.png');
    expect(first.status).toBe(201);
    const { logoUrl } = (await first.json()) as { logoUrl: string };
    expect(await logoUrlOf(coop.orgId, coop.token)).toBe(logoUrl);
    const png = await get(logoUrl, coop.token);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await png.arrayBuffer())).metadata()).format).toBe('png');
    const thumbnailUrl = (await api<{ organization: { logoThumbnailUrl: string } }>(LOGO, { id: coop.orgId }, { token: coop.token })).data!.organization.logoThumbnailUrl;
    expect(thumbnailUrl).toBe(`${logoUrl}/thumbnail`);
    expect((await get(thumbnailUrl, coop.token)).headers.get('content-type')).toBe('image/webp');

    const second = (await (await sendFile('/api/organization/logo', coop.token, WEBP_1X1, 'logo.webp')).json()) as { logoUrl: string };
    expect(second.logoUrl).not.toBe(logoUrl);
    expect(await logoUrlOf(coop.orgId, coop.token)).toBe(second.logoUrl);
    expect((await get(logoUrl, coop.token)).status).toBe(404);
    expect(await storedFiles(coop.orgId, 'logo')).toHaveLength(2);

    expect((await del('/api/organization/logo', coop.token)).status).toBe(204);
    expect(await logoUrlOf(coop.orgId, coop.token)).toBeNull();
    expect(await storedFiles(coop.orgId, 'logo')).toEqual([]);
    expect((await del('/api/organization/logo', coop.token)).status).toBe(204);
  });

  it('shows the logo of a verified organization to everyone, with cache headers; others’ only to themselves', async () => {
    const coop = await signUpOrg();
    const { logoUrl } = (await (await sendFile('/api/organization/logo', coop.token, await image(256, 256), 'logo.jpg')).json()) as { logoUrl: string };
    expect((await get(logoUrl)).status).toBe(404);
    expect((await get(logoUrl, (await signUpOrg()).token)).status).toBe(404);
    expect((await get(logoUrl, coop.token)).headers.get('cache-control')).toBe('private, no-store');
    await approve('ORGANIZATION', coop.orgId);
    expect(await logoUrlOf(coop.orgId)).toBe(logoUrl);
    const open = await get(logoUrl);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('refuses what is not an image (400), or is too large (413), writing nothing', async () => {
    const coop = await signUpOrg();
    const pdf = await sendFile('/api/organization/logo', coop.token, Buffer.from('%PDF-1.7\n%%EOF'), 'logo.png', { lang: 'en' });
    expect(pdf.status).toBe(400);
    expect(await restError(pdf)).toEqual({ message: 'Only JPEG, PNG or WebP images are accepted.', extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
    const big = await sendFile('/api/organization/logo', coop.token, pngOfSize(1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(await restError(big)).toEqual({ message: 'Tệp quá lớn (tối đa 1 MB).', extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
    expect(await logoRow(coop.orgId)).toBeNull();
    expect(await storedFiles(coop.orgId, 'logo')).toEqual([]);
  });

  it('refuses members and anonymous callers, and a failed replacement keeps the old logo', async () => {
    const coop = await signUpOrg();
    const { logoUrl } = (await (await sendFile('/api/organization/logo', coop.token, PNG_1X1)).json()) as { logoUrl: string };
    const member = await memberToken(coop.orgId);
    expect((await sendFile('/api/organization/logo', member, WEBP_1X1)).status).toBe(403);
    expect((await del('/api/organization/logo', member)).status).toBe(403);
    expect((await sendFile('/api/organization/logo', undefined, WEBP_1X1)).status).toBe(401);
    expect((await del('/api/organization/logo')).status).toBe(401);
    expect((await sendFile('/api/organization/logo', coop.token, Buffer.from('GIF89a'))).status).toBe(400);
    expect(await logoUrlOf(coop.orgId, coop.token)).toBe(logoUrl);
    expect(await storedFiles(coop.orgId, 'logo')).toHaveLength(2);
    expect((await get(logoUrl, member)).status).toBe(200);
  });
});
