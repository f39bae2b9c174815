/** How much each signal counts. Only the ratios matter: a score divides by the sum that applies. */
export interface Weights {
  category: number;
  coverage: number;
  season: number;
  /** Applies only to needs that require certifications. */
  certifications: number;
  distance: number;
  /** Applies only to needs with a target price. */
  price: number;
  trackRecord: number;
  repeatBusiness: number;
}

/** The shapes of the signals. */
export interface MatchingParams {
  /** Category signal of a heading in the same chapter as the heading asked for (same heading = 1). */
  chapterFit: number;
  /** Distance at which the distance signal is one half (it is d½ / (d½ + d)). */
  distanceHalfKm: number;
  /** How far above the target price (as a share of it) the price signal reaches 0. */
  priceTolerance: number;
  /** Price signal of a listing without a price. */
  unknownPrice: number;
  /** Track record of a supplier without history: neutral, not zero. */
  newcomerPrior: number;
  /** How many contracts the prior weighs, as if observed: records are shrunk towards it. */
  priorContracts: number;
  /** Completed contracts with the same buyer at which repeat business counts fully. */
  repeatSaturation: number;
  /** A supplier covering less than this share is not told to bid partially (no near miss). */
  nearMissMinCoverage: number;
  /** Members of a group are at most this far apart. */
  groupSpreadKm: number;
  /** Largest group proposed (2..5). */
  maxGroupSize: number;
  /** Candidates a group search considers at most; below it the search is exhaustive. */
  maxGroupCandidates: number;
}

export interface MatchingConfig {
  weights: Weights;
  params: MatchingParams;
}

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  category: 0.2,
  coverage: 0.2,
  season: 0.1,
  certifications: 0.1,
  distance: 0.15,
  price: 0.1,
  trackRecord: 0.1,
  repeatBusiness: 0.05,
});

export const DEFAULT_PARAMS: Readonly<MatchingParams> = Object.freeze({
  chapterFit: 0.5,
  distanceHalfKm: 300,
  priceTolerance: 0.5,
  unknownPrice: 0.5,
  newcomerPrior: 0.7,
  priorContracts: 3,
  repeatSaturation: 3,
  nearMissMinCoverage: 0.3,
  groupSpreadKm: 250,
  maxGroupSize: 5,
  maxGroupCandidates: 200,
});

export const DEFAULT_MATCHING_CONFIG: Readonly<MatchingConfig> = Object.freeze({
  weights: DEFAULT_WEIGHTS,
  params: DEFAULT_PARAMS,
});

type Rule = (n: number) => boolean;
const nonNegative: Rule = (n) => n >= 0;
const share: Rule = (n) => n >= 0 && n <= 1;
const positive: Rule = (n) => n > 0;
const PARAM_RULES: Record<keyof MatchingParams, [Rule, string]> = {
  chapterFit: [share, 'between 0 and 1'],
  distanceHalfKm: [positive, 'greater than 0'],
  priceTolerance: [positive, 'greater than 0'],
  unknownPrice: [share, 'between 0 and 1'],
  newcomerPrior: [share, 'between 0 and 1'],
  priorContracts: [nonNegative, '0 or more'],
  repeatSaturation: [positive, 'greater than 0'],
  nearMissMinCoverage: [share, 'between 0 and 1'],
  groupSpreadKm: [nonNegative, '0 or more'],
  maxGroupSize: [(n) => Number.isInteger(n) && n >= 2 && n <= 5, 'a whole number from 2 to 5'],
  maxGroupCandidates: [(n) => Number.isInteger(n) && n >= 2, 'a whole number of 2 or more'],
};

/** Overrides as configuration gives them: numbers, or numeric strings from the environment. */
export interface MatchingOverrides {
  weights?: Readonly<Record<string, unknown>>;
  params?: Readonly<Record<string, unknown>>;
}

/**
 * The defaults with `overrides` applied. Every invalid or unknown key is listed in one error, so a
 * bad configuration is fixed in one go rather than one restart per mistake.
 */
export function readMatchingConfig(overrides: MatchingOverrides = {}): MatchingConfig {
  const problems: string[] = [];
  const weights = { ...DEFAULT_WEIGHTS };
  const params = { ...DEFAULT_PARAMS };
  const read = (
    section: string,
    key: string,
    raw: unknown,
    rule: Rule,
    expect: string,
  ): number | undefined => {
    const n =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && raw.trim() !== ''
          ? Number(raw)
          : NaN;
    if (Number.isFinite(n) && rule(n)) return n;
    problems.push(`${section}.${key} must be ${expect} (got ${JSON.stringify(raw)})`);
    return undefined;
  };
  for (const [key, raw] of Object.entries(overrides.weights ?? {})) {
    if (!(key in weights))
      problems.push(`weights.${key} is not a signal (${Object.keys(weights).join(', ')})`);
    else {
      const n = read('weights', key, raw, nonNegative, '0 or more');
      if (n !== undefined) weights[key as keyof Weights] = n;
    }
  }
  for (const [key, raw] of Object.entries(overrides.params ?? {})) {
    const rule = PARAM_RULES[key as keyof MatchingParams] as [Rule, string] | undefined;
    if (!rule)
      problems.push(
        `params.${key} is not a matching parameter (${Object.keys(params).join(', ')})`,
      );
    else {
      const n = read('params', key, raw, ...rule);
      if (n !== undefined) params[key as keyof MatchingParams] = n;
    }
  }
  if (problems.length === 0 && Object.values(weights).every((w) => w === 0)) {
    problems.push('weights: at least one weight must be greater than 0');
  }
  if (problems.length > 0)
    throw new RangeError(`Invalid matching configuration:\n- ${problems.join('\n- ')}`);
  return { weights, params };
}
