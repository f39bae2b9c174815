import { clock } from '@lienket/reference-data';
import { NeedStatus } from '../needs/need.entity';

const PAST_DEADLINE: ReadonlySet<string> = new Set([NeedStatus.CLOSED, NeedStatus.AWARDED]);

/**
 * Whether a need takes no more bids: by the server's clock against its deadline, whether or not the
 * worker has flipped it to CLOSED yet (a CLOSED or AWARDED need counts as past in any case).
 */
export const biddingEnded = (need: { status: string; bidDeadline: Date }): boolean =>
  PAST_DEADLINE.has(need.status) || clock.now().getTime() >= need.bidDeadline.getTime();
