import { z } from 'zod';
import { positiveQuantity, text } from '@lienket/graphql';

/** The awards' shapes; which bids they name and how much is left is judged against the opening. */
export const awardSchema = z.object({
  awards: z
    .array(z.object({ bidId: z.string(), quantity: positiveQuantity }))
    .min(1, { message: 'awardsRequired' })
    .max(100, { message: 'outOfRange' }),
});
export const closeSchema = z.object({ reason: text(1000) });
