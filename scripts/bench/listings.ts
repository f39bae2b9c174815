// The synthetic but realistic marketplace every bench seeds: verified cooperatives named after real
// Vietnamese places, and approved listings built from what those cooperatives really sell (product
// words, qualifiers, places, HS headings). Shared by bench:search and bench:gateway.
import { Client } from 'pg';

// [product words, HS heading] — what Vietnamese cooperatives really sell.
export const GOODS: [string, string][] = [
  ['Cà phê Robusta', '0901'], ['Cà phê Arabica', '0901'], ['Gạo ST25', '1006'], ['Gạo Jasmine', '1006'], ['Gạo nếp cái hoa vàng', '1006'],
  ['Chè Shan tuyết', '0902'], ['Chè xanh Tân Cương', '0902'], ['Hồ tiêu đen', '0904'], ['Hồ tiêu trắng', '0904'], ['Quế vỏ', '0906'],
  ['Hoa hồi khô', '0909'], ['Hạt điều rang muối', '0801'], ['Thanh long ruột đỏ', '0810'], ['Xoài cát Hòa Lộc', '0804'], ['Vải thiều', '0810'],
  ['Sầu riêng Ri6', '0810'], ['Bưởi da xanh', '0805'], ['Chuối già Nam Mỹ', '0803'], ['Mít Thái', '0810'], ['Hạt mắc ca', '0802'],
  ['Tôm sú', '0306'], ['Cá tra phi lê', '0304'], ['Mật ong hoa nhãn', '0409'], ['Nấm hương khô', '0712'], ['Khoai lang tím', '0714'],
  ['Ca cao lên men', '1801'], ['Dừa xiêm', '0801'], ['Gừng tươi', '0910'], ['Nghệ đỏ', '0910'], ['Ớt chỉ thiên', '0904'],
];
export const QUALIFIERS = ['loại 1', 'xuất khẩu', 'hữu cơ', 'sấy khô', 'VietGAP', 'đặc sản', 'tươi', 'nguyên chất', 'chọn lọc', 'vụ mới', '', '', ''];
export const PLACES = ['Đắk Lắk', 'Lâm Đồng', 'Sơn La', 'An Giang', 'Sóc Trăng', 'Thái Nguyên', 'Hà Giang', 'Lào Cai', 'Bình Phước', 'Bắc Giang',
  'Tiền Giang', 'Bến Tre', 'Cà Mau', 'Gia Lai', 'Kon Tum', 'Nghệ An', 'Cần Thơ', 'Đồng Tháp', 'Vĩnh Long', 'Phú Quốc'];
export const PROVINCES = ['66', '68', '14', '91', '92', '19', '08', '15', '75', '24', '82', '86', '96', '52', '51', '40', '92', '82', '86', '91'];

/** Queries as people type them: without diacritics, sometimes with a typo or a filter. */
export const QUERIES: { q: string; filter?: Record<string, string> }[] = [
  { q: 'ca phe robusta' }, { q: 'ca phe' }, { q: 'gao st25' }, { q: 'che shan tuyet' }, { q: 'ho tieu den' }, { q: 'que vo' },
  { q: 'thanh long ruot do' }, { q: 'xoai cat hoa loc' }, { q: 'vai thieu' }, { q: 'sau rieng' }, { q: 'buoi da xanh' }, { q: 'mat ong' },
  { q: 'ca phe robsta' }, { q: 'thanh lonh' }, { q: 'ho tieu trnag' }, { q: 'sau rieg ri6' },
  { q: 'ca phe', filter: { provinceCode: '66' } }, { q: 'gao', filter: { categoryCode: '10' } }, { q: 'che', filter: { certification: 'VietGAP' } },
  { q: 'ho tieu', filter: { minMonthlyCapacity: '5000' } }, { q: 'dac san dak lak' }, { q: 'huu co' }, { q: 'xuat khau' }, { q: 'nam huong kho' },
];
export const literal = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;

/** `n` verified cooperatives, tax codes B000000001…, spread over the places and provinces above. */
export async function seedOrganizations(db: Client, n: number) {
  await db.query(
    `INSERT INTO catalog.organizations (kind, name, tax_code, province_code, verification)
     SELECT 'COOPERATIVE', 'HTX ' || (${literal(PLACES)})[1 + i % ${PLACES.length}] || ' số ' || i, 'B' || lpad(i::text, 9, '0'),
            (${literal(PROVINCES)})[1 + i % ${PROVINCES.length}], 'VERIFIED'
       FROM generate_series(1, $1) i`,
    [n],
  );
  await db.query('ANALYZE catalog.organizations');
}

/**
 * Approved listings number `from`+1 … `to`, spread over the first `organizations` cooperatives; a
 * third carry a VietGAP certificate. Batches of 50,000, each reported through `progress`.
 */
export async function seedProducts(db: Client, from: number, to: number, organizations: number, progress: (line: string) => void) {
  const goods = literal(GOODS.map((g) => g[0]));
  const codes = literal(GOODS.map((g) => g[1]));
  const batch = 50_000;
  for (let start = from; start < to; start += batch) {
    const end = Math.min(to, start + batch);
    await db.query(
      `WITH g AS (
         SELECT i, 1 + (hashint4(i) & 2147483647) % ${GOODS.length} AS k, (hashint4(i * 7) & 2147483647) % 13 AS q,
                (hashint4(i * 13) & 2147483647) % ${PLACES.length} AS pl, 100 + (hashint4(i * 31) & 2147483647) % 50000 AS cap
           FROM generate_series($1::int + 1, $2::int) i)
       INSERT INTO catalog.products (organization_id, category_code, name, unit_code, monthly_capacity, status, approved, certifications)
       SELECT o.id, (${codes})[k], n.title, 'KGM', cap, 'APPROVED',
              jsonb_build_object('name', n.title, 'categoryCode', (${codes})[k], 'unitCode', 'KGM', 'monthlyCapacity', cap::text,
                'monthlyCapacityBase', cap::text, 'harvestMonths', '[]'::jsonb, 'approvedAt', now(),
                'certifications', CASE WHEN i % 3 = 0 THEN '[{"kind":"VietGAP","issuer":null,"validUntil":"2099-12-31"}]'::jsonb ELSE '[]'::jsonb END),
              CASE WHEN i % 3 = 0 THEN '[{"kind":"VietGAP","issuer":null,"validUntil":"2099-12-31"}]'::jsonb ELSE '[]'::jsonb END
         FROM g
         CROSS JOIN LATERAL (SELECT trim((${goods})[k] || ' ' || (${literal(QUALIFIERS)})[1 + q] || ' ' || (${literal(PLACES)})[1 + pl]) AS title) n
         JOIN catalog.organizations o ON o.tax_code = 'B' || lpad((1 + i % ${organizations})::text, 9, '0')`,
      [start, end],
    );
    progress(`products ${end.toLocaleString('en')}/${to.toLocaleString('en')}`);
  }
  await db.query('VACUUM ANALYZE catalog.products, catalog.product_search, catalog.search_vocabulary');
}

