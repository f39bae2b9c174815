import type { Entry } from './bucket';
import type { Label, NearMiss, NearMissCode } from './matching.types';
import { say } from './reasons';
import { signalsOf } from './score';
import { certificationGaps, combine, coverageOf, PreparedNeed } from './signals';
import { percent, Words } from './wording';

/** A near miss before its sentence is written: what the hint is about and what it would reach. */
export interface NearMissCandidate {
  organizationId: string;
  listingId: string;
  /** The potential score: the ranking key. */
  score: number;
  coverage: number;
  code: NearMissCode;
  /** The certificate the hint is about, and until when the supplier holds it (if it does). */
  certification?: { code: string; validUntil: string | null };
}

/**
 * Whether an offer just missed: one required certification short (missing, or expiring before the
 * last delivery day) while covering at least `nearMissMinCoverage`; or qualifying but covering
 * only part of the quantity. Its potential is the score with the hint followed. Suppliers that
 * fully qualify with some listing get no hint (`qualifies` answers that, across their listings).
 */
export function nearMissOf(
  p: PreparedNeed,
  e: Entry,
  km: number,
  qualifies: (e: Entry) => boolean,
): NearMissCandidate | null {
  if (e.supplier.suspended) return null;
  const coverage = coverageOf(p, e.offer.monthlyCapacity);
  if (coverage < p.config.params.nearMissMinCoverage) return null;
  const gaps = p.appliesCertifications
    ? certificationGaps(p, e.offer.certifications)
    : { count: 0, missing: [], expiring: [] };
  if (gaps.count > 1 || (gaps.count === 0 && coverage >= 1)) return null;
  const s = signalsOf(
    p,
    e,
    km,
    gaps.count === 1 ? { assumeCertified: true } : { assumeCovered: true },
  );
  if (!s || qualifies(e)) return null;
  const base = {
    organizationId: e.offer.organizationId,
    listingId: e.offer.listingId,
    score: combine(p, s),
    coverage,
  };
  if (gaps.missing.length === 1)
    return {
      ...base,
      code: 'CERTIFICATION_MISSING',
      certification: { code: gaps.missing[0], validUntil: null },
    };
  if (gaps.expiring.length === 1)
    return { ...base, code: 'CERTIFICATION_EXPIRES', certification: gaps.expiring[0] };
  return { ...base, code: 'PARTIAL_CAPACITY' };
}

/** Does this supplier have a listing that qualifies and covers the whole quantity? */
export function fullyQualifies(
  p: PreparedNeed,
  entries: Iterable<Entry>,
  km: (province: string) => number,
): boolean {
  for (const e of entries) {
    if (
      coverageOf(p, e.offer.monthlyCapacity) >= 1 &&
      signalsOf(p, e, km(e.offer.provinceCode)) !== null
    )
      return true;
  }
  return false;
}

export function toNearMiss(p: PreparedNeed, c: NearMissCandidate, w: Words): NearMiss {
  const text = hint(p, c, w);
  return {
    organizationId: c.organizationId,
    listingId: c.listingId,
    code: c.code,
    potentialScore: c.score,
    coverage: c.coverage,
    vi: text.vi,
    en: text.en,
  };
}

function hint(p: PreparedNeed, c: NearMissCandidate, w: Words): Label {
  const through = p.lastDay;
  if (c.code === 'PARTIAL_CAPACITY') {
    const share = percent(c.coverage);
    return say(
      `Công suất của bạn đáp ứng ${share}% số lượng trong thời gian giao: hãy chào giá một phần hoặc tham gia nhóm hợp tác xã`,
      `Your capacity covers ${share}% of the quantity in the delivery window: bid for part of it or join a group`,
    );
  }
  const name = w.certification(c.certification!.code);
  if (c.code === 'CERTIFICATION_MISSING') {
    return say(
      `Chứng nhận ${name.vi} còn hạn đến ít nhất ${through} sẽ giúp bạn đủ điều kiện cho nhu cầu này`,
      `A ${name.en} certificate valid until at least ${through} would qualify you for this need`,
    );
  }
  const until = c.certification!.validUntil ?? '';
  return say(
    `Chứng nhận ${name.vi} của bạn hết hạn ngày ${until}, trước khi kết thúc giao hàng: gia hạn đến ít nhất ${through} sẽ giúp bạn đủ điều kiện`,
    `Your ${name.en} certificate expires on ${until}, before delivery ends: renewing it until at least ${through} would qualify you`,
  );
}
