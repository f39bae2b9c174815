import type { Entry } from './bucket';
import type { FoundGroup } from './consortium';
import type { GroupMember, Sentence, SupplierGroup } from './matching.types';
import { explain, say } from './reasons';
import { signalsOf } from './score';
import { PreparedNeed } from './signals';
import { int, Words } from './wording';

/**
 * Shares in proportion to capacity. For a whole quantity they are whole too (largest remainders
 * rounded up), so that they add up to exactly the quantity asked.
 */
export function proportionalShares(quantity: number, capacities: readonly number[]): number[] {
  const total = capacities.reduce((a, b) => a + b, 0);
  const exact = capacities.map((c) => (quantity * c) / total);
  if (!Number.isInteger(quantity)) return exact;
  const shares = exact.map(Math.floor);
  let left = quantity - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    shares[i]++;
    left--;
  }
  return shares;
}

export function toSupplierGroup(
  p: PreparedNeed,
  found: FoundGroup,
  entryOf: (listingId: string) => Entry,
  km: (province: string) => number,
  w: Words,
): SupplierGroup {
  // Largest share first.
  const members = [...found.members].sort(
    (a, b) => b.capacity - a.capacity || (a.organizationId < b.organizationId ? -1 : 1),
  );
  const g = { ...found, members };
  const q = p.need.quantity;
  const shares = proportionalShares(
    q,
    g.members.map((m) => m.capacity),
  );
  const explained: GroupMember[] = g.members.map((m, i) => {
    const e = entryOf(m.listingId);
    const d = km(m.provinceCode);
    const s = signalsOf(p, e, d, { assumeCovered: true })!;
    return {
      organizationId: m.organizationId,
      listingId: m.listingId,
      share: shares[i],
      coverage: shares[i] / q,
      score: m.value,
      reasons: explain(p, e, s, d, w, shares[i]),
    };
  });
  const distanceKm = g.members.reduce((sum, m, i) => sum + km(m.provinceCode) * shares[i], 0) / q;
  return {
    members: explained,
    coverage: g.capacity / q,
    score: g.score,
    spreadKm: g.spreadKm,
    distanceKm,
    explanation: sentences(p, g, shares, distanceKm, w),
  };
}

function sentences(
  p: PreparedNeed,
  g: FoundGroup,
  shares: readonly number[],
  distanceKm: number,
  w: Words,
): Sentence[] {
  const n = g.members.length;
  const covered = Math.floor((g.capacity / p.need.quantity) * 100);
  const parts = shares.map((s) => w.quantity(s, p.need.baseUnit));
  const spread = int(g.spreadKm);
  const away = int(distanceKm);
  const list: Sentence[] = [
    {
      code: 'GROUP_NEEDED',
      ...say(
        'Không hợp tác xã nào một mình đáp ứng đủ số lượng trong thời gian giao',
        'No single cooperative can supply the whole quantity in the delivery window',
      ),
    },
    {
      code: 'GROUP_COVERAGE',
      ...say(
        `${n} hợp tác xã cùng đáp ứng ${covered}% số lượng`,
        `${n} cooperatives together cover ${covered}% of the quantity`,
      ),
    },
    {
      code: 'GROUP_SHARES',
      ...say(
        `Mỗi thành viên giao theo tỷ lệ công suất: ${parts.map((x) => x.vi).join(', ')}`,
        `Each member supplies in proportion to its capacity: ${parts.map((x) => x.en).join(', ')}`,
      ),
    },
    {
      code: 'GROUP_SPREAD',
      ...(Math.round(g.spreadKm) === 0
        ? say('Các thành viên ở cùng một tỉnh', 'All members are in the same province')
        : say(
            `Các thành viên cách nhau tối đa ${spread.vi} km`,
            `Members are at most ${spread.en} km apart`,
          )),
    },
    {
      code: 'GROUP_DISTANCE',
      ...(Math.round(distanceKm) === 0
        ? say('Cả nhóm ở cùng tỉnh với nơi giao', 'The whole group is in the delivery province')
        : say(
            `Cách nơi giao trung bình ${away.vi} km (theo phần giao)`,
            `${away.en} km from the delivery province on average (by share)`,
          )),
    },
  ];
  return list;
}
