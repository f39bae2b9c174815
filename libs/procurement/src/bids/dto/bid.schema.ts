import { z } from 'zod';
import { optionalText, positiveQuantity, vndAmount } from '@lienket/graphql';

/** Characters a note may not hold: control characters other than tab and line breaks. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Field rules of a bid; what depends on the need (quantity, window, currency) is checked by the service. */
export const bidSchema = z.object({
  needId: z.string(),
  unitPrice: z.object({
    amount: vndAmount,
    currency: z.literal('VND', { message: 'currencyVnd' }),
  }),
  quantity: positiveQuantity,
  deliveryDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalidDate' }),
  note: optionalText(1000).refine((v) => v === null || !CONTROL.test(v), { message: 'invalidValue' }),
});
export type BidData = z.infer<typeof bidSchema>;
