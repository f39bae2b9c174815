import { z } from 'zod';
import { positiveQuantity, text } from '@lienket/graphql';

/** Most awards one need takes (a split among more suppliers is a consortium's business); priced in LIST_SIZES. */
export const MAX_AWARDS = 50;

/** The awards' shapes; which bids they name and how much is left is judged against the opening. */
export const awardSchema = z.object({
  awards: z
    .array(z.object({ bidId: z.string(), quantity: positiveQuantity }))
    .min(1, { message: 'awardsRequired' })
    .max(MAX_AWARDS, { message: 'outOfRange' }),
});
export const closeSchema = z.object({ reason: text(1000) });
