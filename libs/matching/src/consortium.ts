// Groups of 2–5 cooperatives whose combined capacity in the window covers a quantity none covers
// alone. Each member supplies in proportion to its capacity, so a group's score is the
// capacity-weighted mean of its members' values. Groups rank by size (fewer members first), then
// score, then their listing ids; only minimal groups count (no member could be left out).

export interface GroupCandidate {
  organizationId: string;
  listingId: string;
  headingCode: string;
  provinceCode: string;
  /** Capacity in the delivery window, in base units (> 0). */
  capacity: number;
  /** The member's score in a group that covers the quantity (0..1). */
  value: number;
}

export interface FoundGroup {
  members: GroupCandidate[];
  score: number;
  /** Sum of the members' capacities. */
  capacity: number;
  /** Longest distance between two members. */
  spreadKm: number;
}

export interface GroupSearchOptions {
  maxSize: number;
  spreadKm: number;
  distanceKm: (from: string, to: string) => number;
}

// Bounds and scores are computed by different formulas; a bound this close to the k-th score is
// explored rather than trusted to the last bit.
const EPS = 1e-9;

/** Candidates in search order: best value first (the bound below depends on it). */
export const byValue = (a: GroupCandidate, b: GroupCandidate) =>
  b.value - a.value ||
  b.capacity - a.capacity ||
  cmp(a.organizationId, b.organizationId) ||
  cmp(a.listingId, b.listingId);

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const keyOf = (g: FoundGroup) =>
  g.members
    .map((m) => m.listingId)
    .sort()
    .join(',');
const better = (a: FoundGroup, b: FoundGroup) => b.score - a.score || cmp(keyOf(a), keyOf(b));

/**
 * The best `k` groups, exactly: sizes are searched from 2 up, and within a size a depth-first
 * search over candidates in value order, cut off when the members still missing cannot bring the
 * capacity up to the quantity, or cannot lift the score to the k-th found (branch and bound).
 */
export function searchGroups(
  candidates: readonly GroupCandidate[],
  quantity: number,
  k: number,
  opts: GroupSearchOptions,
) {
  const c = [...candidates].filter((x) => x.capacity > 0).sort(byValue);
  const suffixTop = topCapacitiesFrom(c, opts.maxSize);
  const found: FoundGroup[] = [];
  let nodes = 0;
  for (let size = 2; size <= opts.maxSize && found.length < k; size++) {
    const best: FoundGroup[] = [];
    const want = k - found.length;
    const chosen: number[] = [];
    const visit = (start: number, weighted: number, capacity: number, spread: number) => {
      const r = size - chosen.length;
      if (r === 0) {
        const smallest = Math.min(...chosen.map((i) => c[i].capacity));
        if (capacity >= quantity && capacity - smallest < quantity) {
          keep(best, want, {
            members: chosen.map((i) => c[i]),
            score: weighted / capacity,
            capacity,
            spreadKm: spread,
          });
        }
        return;
      }
      for (let i = start; i <= c.length - r; i++) {
        // Both cut-offs only fall as i grows (values and suffix capacities never rise), so break.
        if (capacity + suffixTop[r][i] < quantity) break;
        if (
          best.length === want &&
          bound(weighted, capacity, c[i].value, suffixTop[r][i], quantity) <
            best[want - 1].score - EPS
        )
          break;
        nodes++;
        const x = c[i];
        const joined = capacity + x.capacity;
        // With members still to come, a set that already covers would leave one of them idle.
        if (r > 1 && joined >= quantity) continue;
        if (chosen.length > 0 && !compatible(c, chosen, x)) continue;
        let far = spread;
        let near = true;
        for (const j of chosen) {
          const d = opts.distanceKm(c[j].provinceCode, x.provinceCode);
          if (d > opts.spreadKm) near = false;
          far = Math.max(far, d);
        }
        if (!near) continue;
        chosen.push(i);
        visit(i + 1, weighted + x.value * x.capacity, joined, far);
        chosen.pop();
      }
    };
    visit(0, 0, 0, 0);
    found.push(...best);
  }
  return { groups: found, nodes };
}

/** Same product (heading) and distinct cooperatives. */
function compatible(c: readonly GroupCandidate[], chosen: readonly number[], x: GroupCandidate) {
  if (c[chosen[0]].headingCode !== x.headingCode) return false;
  return chosen.every((j) => c[j].organizationId !== x.organizationId);
}

/**
 * The best score a group can reach from weighted/capacity so far, when every member still to come
 * has a value of at most `top` and together they add between what is missing and `most` capacity.
 * The score (weighted + top·X) / (capacity + X) is monotone in X, so one end of that range is best.
 */
function bound(weighted: number, capacity: number, top: number, most: number, quantity: number) {
  const at = (x: number) => (weighted + top * x) / (capacity + x);
  const least = Math.max(quantity - capacity, 0);
  return capacity === 0 ? top : Math.max(at(least), at(most));
}

/** suffixTop[r][i]: the sum of the r largest capacities among candidates i and later. */
function topCapacitiesFrom(c: readonly GroupCandidate[], maxSize: number): number[][] {
  const table = Array.from({ length: maxSize + 1 }, () => new Array<number>(c.length + 1).fill(0));
  const largest: number[] = [];
  for (let i = c.length - 1; i >= 0; i--) {
    largest.push(c[i].capacity);
    largest.sort((a, b) => b - a);
    if (largest.length > maxSize) largest.pop();
    let sum = 0;
    for (let r = 1; r <= maxSize; r++) {
      sum += largest[r - 1] ?? 0;
      table[r][i] = sum;
    }
  }
  return table;
}

function keep(best: FoundGroup[], want: number, g: FoundGroup) {
  if (best.length === want && better(g, best[want - 1]) >= 0) return;
  let at = best.length;
  while (at > 0 && better(g, best[at - 1]) < 0) at--;
  best.splice(at, 0, g);
  if (best.length > want) best.pop();
}
