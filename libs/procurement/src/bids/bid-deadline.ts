import { clock } from '@lienket/reference-data';
import { NeedStatus } from '../needs/need.entity';

/**
 * Whether a need takes no more bids: by the server's clock against its deadline, whether or not the
 * worker has flipped it to CLOSED yet (a CLOSED or AWARDED need counts as past in any case).
 */
export const biddingEnded = (need: { status: NeedStatus | string; bidDeadline: Date }): boolean =>
  need.status === NeedStatus.CLOSED || need.status === NeedStatus.AWARDED || clock.now().getTime() >= need.bidDeadline.getTime();
