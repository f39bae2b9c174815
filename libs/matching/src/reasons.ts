import { ALL_YEAR } from './delivery-window';
import type { Label, Reason, SignalCode } from './matching.types';
import type { Scorable } from './score';
import { contributions, coverageOf, lowPrice, PreparedNeed, Signals, validity } from './signals';
import { int, num, percent, Words } from './wording';

type Sentence = (p: PreparedNeed, x: Scorable, s: Signals, km: number, w: Words) => Label;

const category: Sentence = (p, x, _s, _km, w) => {
  const h = x.offer.headingCode;
  if (p.heading === h)
    return say(`Cùng nhóm hàng ${w.category(h).vi}`, `Same heading ${w.category(h).en}`);
  const chapter = w.category(p.chapter);
  if (p.heading === null) {
    return say(
      `Thuộc chương ${chapter.vi} như yêu cầu (${w.category(h).vi})`,
      `In the requested chapter ${chapter.en} (${w.category(h).en})`,
    );
  }
  return say(
    `Cùng chương ${chapter.vi}, khác nhóm hàng (${w.category(h).vi})`,
    `Same chapter ${chapter.en}, another heading (${w.category(h).en})`,
  );
};

const coverage: Sentence = (p, x) => {
  const c = percent(coverageOf(p, x.offer.monthlyCapacity));
  return c === 100
    ? say(
        'Công suất đủ 100% số lượng trong thời gian giao',
        'Capacity covers 100% of the quantity in the delivery window',
      )
    : say(
        `Công suất đáp ứng ${c}% số lượng trong thời gian giao`,
        `Capacity covers ${c}% of the quantity in the delivery window`,
      );
};

const season: Sentence = (_p, x, s) => {
  if (x.mask === ALL_YEAR) return say('Sản xuất quanh năm', 'Produces all year round');
  const c = percent(s.season);
  if (c === 100)
    return say(
      'Đang mùa thu hoạch suốt thời gian giao',
      'In harvest season for the whole delivery window',
    );
  if (s.season === 0)
    return say(
      'Ngoài mùa thu hoạch trong thời gian giao',
      'Out of harvest season during the delivery window',
    );
  return say(
    `Mùa thu hoạch trùng ${c}% thời gian giao`,
    `Harvest season covers ${c}% of the delivery window`,
  );
};

const certifications: Sentence = (p, x, _s, _km, w) => {
  const held = p.need.requiredCertifications.map((code) => {
    const until = validity(x.offer.certifications, code);
    const name = w.certification(code);
    return until
      ? say(
          `${name.vi} còn hạn đến ${until.slice(0, 7)}`,
          `${name.en} valid until ${until.slice(0, 7)}`,
        )
      : say(`${name.vi} không thời hạn`, `${name.en} with no expiry`);
  });
  return say(
    `Có chứng nhận ${held.map((h) => h.vi).join(', ')}`,
    `Holds ${held.map((h) => h.en).join(', ')}`,
  );
};

const distance: Sentence = (p, x, _s, km) => {
  if (x.offer.provinceCode === p.need.provinceCode || Math.round(km) === 0) {
    return say('Cùng tỉnh với nơi giao', 'In the delivery province');
  }
  const d = int(km);
  return say(`Cách nơi giao ${d.vi} km`, `${d.en} km from the delivery province`);
};

const price: Sentence = (p, x, _s, _km, w) => {
  const target = p.need.targetUnitPrice ?? 0;
  const cheapest = lowPrice(x.offer);
  if (cheapest === null) return say('Chưa công bố giá', 'No price published');
  const low = w.price(cheapest, p.need.baseUnit);
  const goal = w.price(target, p.need.baseUnit);
  if (cheapest <= target)
    return say(
      `Giá từ ${low.vi}, trong mức mục tiêu ${goal.vi}`,
      `Price from ${low.en}, within the target of ${goal.en}`,
    );
  const over = Math.max(1, Math.round(((cheapest - target) / target) * 100));
  return say(
    `Giá từ ${low.vi}, cao hơn mục tiêu ${goal.vi} ${over}%`,
    `Price from ${low.en}, ${over}% above the target of ${goal.en}`,
  );
};

const trackRecord: Sentence = (_p, x) => {
  const t = x.supplier.record;
  if (t.completedContracts <= 0) {
    return say(
      'Nhà cung cấp mới, chưa có hợp đồng hoàn thành: điểm uy tín trung lập',
      'Newcomer without completed contracts: a neutral track record',
    );
  }
  const n = int(t.completedContracts);
  const vi = [`${n.vi} hợp đồng hoàn thành`];
  const en = [`${n.en} completed contract${t.completedContracts === 1 ? '' : 's'}`];
  if (t.onTimeRate !== null) {
    vi.push(`đúng hạn ${Math.round(t.onTimeRate * 100)}%`);
    en.push(`${Math.round(t.onTimeRate * 100)}% on time`);
  }
  if (t.fillRate !== null) {
    vi.push(`giao đủ ${Math.round(t.fillRate * 100)}%`);
    en.push(`${Math.round(t.fillRate * 100)}% filled`);
  }
  if (t.averageRating !== null) {
    const r = num(t.averageRating);
    vi.push(`đánh giá ${r.vi}/5`);
    en.push(`rated ${r.en}/5`);
  }
  return say(vi.join(', '), en.join(', '));
};

const repeatBusiness: Sentence = (p, x) => {
  const count = x.supplier.record.contractsByBuyer[p.need.buyerOrgId] ?? 0;
  if (count <= 0)
    return say('Chưa có hợp đồng với bên mua này', 'No contracts with this buyer yet');
  const n = int(count);
  return say(
    `Đã hoàn thành ${n.vi} hợp đồng với bên mua này`,
    `${n.en} completed contract${count === 1 ? '' : 's'} with this buyer`,
  );
};

const SENTENCES: Record<SignalCode, Sentence> = {
  CATEGORY: category,
  COVERAGE: coverage,
  SEASON: season,
  CERTIFICATIONS: certifications,
  DISTANCE: distance,
  PRICE: price,
  TRACK_RECORD: trackRecord,
  REPEAT_BUSINESS: repeatBusiness,
};

/**
 * One reason per signal that applies, strongest first; the weights are each signal's part of the
 * score, so they add up to it. A group member's coverage reason states its share instead.
 */
export function explain(
  p: PreparedNeed,
  x: Scorable,
  s: Signals,
  km: number,
  w: Words,
  share?: number,
): Reason[] {
  return contributions(p, s)
    .map(([code, weight]): Reason => {
      const text =
        code === 'COVERAGE' && share !== undefined
          ? memberShare(p, share, w)
          : SENTENCES[code](p, x, s, km, w);
      return { code, weight, vi: text.vi, en: text.en };
    })
    .sort((a, b) => b.weight - a.weight || (a.code < b.code ? -1 : 1));
}

function memberShare(p: PreparedNeed, share: number, w: Words): Label {
  const q = w.quantity(share, p.need.baseUnit);
  const c = Math.round((share / p.need.quantity) * 100);
  return say(
    `Giao ${q.vi} trong nhóm, ${c}% số lượng`,
    `Supplies ${q.en} in the group, ${c}% of the quantity`,
  );
}

export const say = (vi: string, en: string): Label => ({ vi, en });
