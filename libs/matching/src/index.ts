export * from './matching.types';
export * from './matching.config';
export { toBaseQuantity, type UnitConversion } from './base-quantity';
export { deliveryWindow, harvestMask, type DeliveryWindow } from './delivery-window';
export {
  prepareNeed,
  categorySignal,
  coverageOf,
  coverageSignal,
  seasonSignal,
  certificationGaps,
  distanceSignal,
  priceSignal,
  trackRecordSignal,
  repeatSignal,
  combine,
  type PreparedNeed,
  type Signals,
} from './signals';
export { NEWCOMER, scoreOffer, type ScoreEnv } from './score';
export { MatchIndex, type MatchIndexOptions } from './match-index';
export type { SearchStats } from './pruned-search';
export {
  searchGroups,
  type GroupCandidate,
  type FoundGroup,
  type GroupSearchOptions,
} from './consortium';
export { proportionalShares } from './group-explain';
