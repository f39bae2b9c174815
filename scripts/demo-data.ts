/** A believable market: cooperatives where their crops really grow, and the companies that buy. */
export interface DemoOrganization {
  key: string;
  kind: 'COOPERATIVE' | 'ENTERPRISE';
  name: string;
  provinceCode: string;
  taxBase: string;
  owner: string;
  email: string;
  memberCount?: number;
  verified: boolean;
}

export const DEMO_PASSWORD = 'LienKet-Demo-2026';

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { key: 'eatu', kind: 'COOPERATIVE', name: 'HTX Nông nghiệp Dịch vụ Cà phê Ea Tu', provinceCode: '66', taxBase: '600112233', owner: 'Y Khu Niê', email: 'eatu@demo.lienket.vn', memberCount: 86, verified: true },
  { key: 'krongpac', kind: 'COOPERATIVE', name: 'HTX Sầu riêng Krông Pắc', provinceCode: '66', taxBase: '600223344', owner: 'Nguyễn Văn Hùng', email: 'krongpac@demo.lienket.vn', memberCount: 42, verified: true },
  { key: 'caudat', kind: 'COOPERATIVE', name: 'HTX Cà phê Arabica Cầu Đất', provinceCode: '68', taxBase: '580334455', owner: 'Trần Thị Lan', email: 'caudat@demo.lienket.vn', memberCount: 37, verified: true },
  { key: 'thoaison', kind: 'COOPERATIVE', name: 'HTX Lúa gạo Thoại Sơn', provinceCode: '91', taxBase: '160445566', owner: 'Lê Văn Tâm', email: 'thoaison@demo.lienket.vn', memberCount: 154, verified: true },
  { key: 'tancuong', kind: 'COOPERATIVE', name: 'HTX Chè Tân Cương', provinceCode: '19', taxBase: '460556677', owner: 'Đỗ Thị Hạnh', email: 'tancuong@demo.lienket.vn', memberCount: 63, verified: true },
  { key: 'shantuyet', kind: 'COOPERATIVE', name: 'HTX Chè Shan tuyết Hoàng Su Phì', provinceCode: '08', taxBase: '510667788', owner: 'Sần Văn Páo', email: 'shantuyet@demo.lienket.vn', memberCount: 28, verified: false },
  { key: 'vanyen', kind: 'COOPERATIVE', name: 'HTX Quế hồi Văn Yên', provinceCode: '15', taxBase: '520778899', owner: 'Hoàng Văn Chiến', email: 'vanyen@demo.lienket.vn', memberCount: 71, verified: true },
  { key: 'lucngan', kind: 'COOPERATIVE', name: 'HTX Vải thiều Lục Ngạn', provinceCode: '24', taxBase: '240889900', owner: 'Vũ Thị Mai', email: 'lucngan@demo.lienket.vn', memberCount: 95, verified: true },
  { key: 'locninh', kind: 'COOPERATIVE', name: 'HTX Hồ tiêu Lộc Ninh', provinceCode: '75', taxBase: '380990011', owner: 'Phạm Văn Lộc', email: 'locninh@demo.lienket.vn', memberCount: 49, verified: true },
  { key: 'budang', kind: 'COOPERATIVE', name: 'HTX Điều Bù Đăng', provinceCode: '75', taxBase: '381001122', owner: 'Điểu Thị Bích', email: 'budang@demo.lienket.vn', memberCount: 58, verified: true },
  { key: 'chauthanh', kind: 'COOPERATIVE', name: 'HTX Thanh long Châu Thành', provinceCode: '80', taxBase: '110112244', owner: 'Huỳnh Văn Năm', email: 'chauthanh@demo.lienket.vn', memberCount: 44, verified: true },
  { key: 'caolanh', kind: 'COOPERATIVE', name: 'HTX Xoài Cao Lãnh', provinceCode: '82', taxBase: '140223355', owner: 'Nguyễn Thị Thu', email: 'caolanh@demo.lienket.vn', memberCount: 67, verified: true },
  { key: 'chotrach', kind: 'COOPERATIVE', name: 'HTX Bưởi da xanh Chợ Lách', provinceCode: '86', taxBase: '130334466', owner: 'Trương Văn Bảy', email: 'cholach@demo.lienket.vn', memberCount: 39, verified: false },
  { key: 'camau', kind: 'COOPERATIVE', name: 'HTX Tôm lúa Thới Bình', provinceCode: '96', taxBase: '200445577', owner: 'Lý Văn Sáu', email: 'thoibinh@demo.lienket.vn', memberCount: 52, verified: true },
  { key: 'saigonxanh', kind: 'ENTERPRISE', name: 'Công ty CP Thực phẩm Sài Gòn Xanh', provinceCode: '79', taxBase: '031556688', owner: 'Lâm Quốc Bảo', email: 'muahang@saigonxanh.demo.lienket.vn', verified: true },
  { key: 'mekong', kind: 'ENTERPRISE', name: 'Công ty TNHH Xuất khẩu Nông sản Mê Kông', provinceCode: '92', taxBase: '180667799', owner: 'Châu Minh Khang', email: 'thumua@mekong.demo.lienket.vn', verified: true },
  { key: 'trabac', kind: 'ENTERPRISE', name: 'Công ty CP Chế biến Trà Bắc', provinceCode: '01', taxBase: '010778800', owner: 'Ngô Thị Hoa', email: 'procurement@trabac.demo.lienket.vn', verified: true },
  { key: 'giavi', kind: 'ENTERPRISE', name: 'Công ty TNHH Gia vị Việt Hải Phòng', provinceCode: '31', taxBase: '020889911', owner: 'Bùi Đức Thắng', email: 'giavi@demo.lienket.vn', verified: false },
];

export interface DemoNeed {
  buyer: string;
  title: string;
  categoryCode: string;
  quantity: string;
  unitCode: string;
  targetUnitPrice: string;
  deliveryProvinceCode: string;
  requiredCertifications: string[];
  /** Delivery starts this many days after seeding; bids close 10 days before. */
  inDays: number;
}

// A need's target price is per its unit: a tonne of Robusta at 118.000 đ/kg is 118.000.000 đ/tấn.
export const DEMO_NEEDS: DemoNeed[] = [
  { buyer: 'saigonxanh', title: 'Cà phê Robusta nhân xô vụ 2026–2027', categoryCode: '0901', quantity: '50', unitCode: 'TNE', targetUnitPrice: '118000000', deliveryProvinceCode: '79', requiredCertifications: ['VietGAP'], inDays: 45 },
  { buyer: 'saigonxanh', title: 'Thanh long ruột đỏ cho chuỗi siêu thị', categoryCode: '0810', quantity: '20', unitCode: 'TNE', targetUnitPrice: '22000000', deliveryProvinceCode: '79', requiredCertifications: [], inDays: 30 },
  { buyer: 'mekong', title: 'Gạo ST25 xuất khẩu', categoryCode: '1006', quantity: '200', unitCode: 'TNE', targetUnitPrice: '24500000', deliveryProvinceCode: '92', requiredCertifications: ['GlobalGAP'], inDays: 60 },
  { buyer: 'trabac', title: 'Chè xanh búp khô Thái Nguyên', categoryCode: '0902', quantity: '3', unitCode: 'TNE', targetUnitPrice: '260000000', deliveryProvinceCode: '01', requiredCertifications: ['VietGAP'], inDays: 40 },
];

export interface DemoProduct {
  seller: string;
  name: string;
  categoryCode: string;
  unitCode: 'KGM' | 'TNE';
  /** Monthly capacity in the unit, and its factor to kg. */
  monthlyCapacity: string;
  /** What the prices are per: farm-gate prices are quoted per kg even when output counts in tấn. */
  priceUnitCode: 'KGM' | 'TNE';
  priceMin: string;
  priceMax: string;
  harvestMonths: number[];
  certifications: { kind: string; issuer: string | null; validUntil: string | null }[];
}

const VIETGAP = (issuer: string) => ({ kind: 'VietGAP', issuer, validUntil: '2028-06-30' });

export const DEMO_PRODUCTS: DemoProduct[] = [
  { seller: 'eatu', name: 'Cà phê Robusta nhân xô Ea Tu', categoryCode: '0901', unitCode: 'TNE', monthlyCapacity: '60', priceUnitCode: 'KGM', priceMin: '110000', priceMax: '125000', harvestMonths: [11, 12, 1], certifications: [VIETGAP('Trung tâm Chứng nhận Phù hợp QUACERT')] },
  { seller: 'caudat', name: 'Cà phê Arabica Cầu Đất chế biến ướt', categoryCode: '0901', unitCode: 'TNE', monthlyCapacity: '12', priceUnitCode: 'KGM', priceMin: '160000', priceMax: '190000', harvestMonths: [10, 11, 12], certifications: [{ kind: 'ORGANIC_EU', issuer: 'Control Union', validUntil: '2027-12-31' }] },
  { seller: 'krongpac', name: 'Sầu riêng Ri6 Krông Pắc', categoryCode: '0810', unitCode: 'TNE', monthlyCapacity: '40', priceUnitCode: 'KGM', priceMin: '55000', priceMax: '80000', harvestMonths: [6, 7, 8], certifications: [VIETGAP('Sở NN&PTNT Đắk Lắk')] },
  { seller: 'thoaison', name: 'Gạo ST25 Thoại Sơn', categoryCode: '1006', unitCode: 'TNE', monthlyCapacity: '300', priceUnitCode: 'KGM', priceMin: '22000', priceMax: '26000', harvestMonths: [3, 4, 8, 9], certifications: [{ kind: 'GlobalGAP', issuer: 'Bureau Veritas', validUntil: '2027-09-30' }] },
  { seller: 'tancuong', name: 'Chè xanh búp Tân Cương', categoryCode: '0902', unitCode: 'KGM', monthlyCapacity: '4000', priceUnitCode: 'KGM', priceMin: '250000', priceMax: '600000', harvestMonths: [3, 4, 5, 6, 7, 8, 9, 10], certifications: [{ kind: 'OCOP_4', issuer: 'UBND tỉnh Thái Nguyên', validUntil: '2028-03-31' }] },
  { seller: 'vanyen', name: 'Quế vỏ Văn Yên sấy khô', categoryCode: '0906', unitCode: 'TNE', monthlyCapacity: '25', priceUnitCode: 'KGM', priceMin: '38000', priceMax: '52000', harvestMonths: [3, 4, 8, 9], certifications: [{ kind: 'ORGANIC_USDA', issuer: 'Ecocert', validUntil: '2027-11-30' }] },
  { seller: 'lucngan', name: 'Vải thiều Lục Ngạn tươi', categoryCode: '0810', unitCode: 'TNE', monthlyCapacity: '150', priceUnitCode: 'KGM', priceMin: '18000', priceMax: '35000', harvestMonths: [6, 7], certifications: [VIETGAP('Sở NN&PTNT Bắc Giang')] },
  { seller: 'locninh', name: 'Hồ tiêu đen Lộc Ninh', categoryCode: '0904', unitCode: 'TNE', monthlyCapacity: '30', priceUnitCode: 'KGM', priceMin: '140000', priceMax: '165000', harvestMonths: [2, 3, 4], certifications: [] },
  { seller: 'budang', name: 'Hạt điều nhân Bù Đăng', categoryCode: '0801', unitCode: 'TNE', monthlyCapacity: '20', priceUnitCode: 'KGM', priceMin: '190000', priceMax: '240000', harvestMonths: [2, 3, 4, 5], certifications: [{ kind: 'OCOP_3', issuer: 'UBND tỉnh Bình Phước', validUntil: '2027-06-30' }] },
  { seller: 'chauthanh', name: 'Thanh long ruột đỏ Châu Thành', categoryCode: '0810', unitCode: 'TNE', monthlyCapacity: '80', priceUnitCode: 'KGM', priceMin: '15000', priceMax: '28000', harvestMonths: [4, 5, 6, 7, 8, 9, 10], certifications: [{ kind: 'GlobalGAP', issuer: 'Control Union', validUntil: '2027-05-31' }] },
  { seller: 'caolanh', name: 'Xoài cát Hòa Lộc Cao Lãnh', categoryCode: '0804', unitCode: 'TNE', monthlyCapacity: '35', priceUnitCode: 'KGM', priceMin: '40000', priceMax: '65000', harvestMonths: [3, 4, 5], certifications: [VIETGAP('Sở NN&PTNT Đồng Tháp')] },
  { seller: 'camau', name: 'Tôm sú sinh thái Thới Bình', categoryCode: '0306', unitCode: 'KGM', monthlyCapacity: '3000', priceUnitCode: 'KGM', priceMin: '180000', priceMax: '260000', harvestMonths: [5, 6, 7, 8, 9, 10, 11], certifications: [{ kind: 'ORGANIC_EU', issuer: 'Naturland', validUntil: '2027-08-31' }] },
];
