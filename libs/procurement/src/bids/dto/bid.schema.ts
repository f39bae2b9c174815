import { z } from 'zod';
import { optionalText, positiveQuantity, vndAmount } from '@lienket/graphql';

/** Field rules of a bid; what depends on the need (quantity, window, currency) is checked by the service. */
export const bidSchema = z.object({
  needId: z.string(),
  unitPrice: z.object({
    amount: vndAmount,
    currency: z.literal('VND', { message: 'currencyVnd' }),
  }),
  quantity: positiveQuantity,
  deliveryDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalidDate' }),
  // The gateway refuses U+0000 in every string already; the sealed form ends a note with it, so the
  // service does not rely on that.
  note: optionalText(1000).refine((v) => v === null || !v.includes('\u0000'), { message: 'invalidValue' }),
});
export type BidData = z.infer<typeof bidSchema>;
