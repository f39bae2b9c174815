import { z } from 'zod';
import { optionalText, positiveQuantity, text, trimDecimal } from '@lienket/graphql';
import { DisputeOutcome } from '../contract.type';

/** A quantity that may be zero (an accepted quantity: the buyer may refuse a whole shipment). */
const quantityOrZero = z
  .string()
  .refine((v) => !v.startsWith('-'), { message: 'invalidValue' })
  .refine((v) => /^\d{1,17}(\.\d{1,3})?$/.test(v), { message: 'decimalPrecision' })
  .transform(trimDecimal);

export const shipmentSchema = z.object({ quantity: positiveQuantity, note: optionalText(1000) });
export const receiptSchema = z.object({ acceptedQuantity: quantityOrZero, note: optionalText(1000) });
export const disputeSchema = z.object({ reason: text(2000) });
export const statementSchema = z.object({ text: text(2000) });
export const resolutionSchema = z.object({ resolution: text(2000), outcome: z.enum(DisputeOutcome, { message: 'invalidValue' }) });
export const reviewSchema = z.object({
  rating: z.number().int({ message: 'outOfRange' }).min(1, { message: 'outOfRange' }).max(5, { message: 'outOfRange' }),
  comment: optionalText(1000),
});
export const messageSchema = z.object({ body: text(2000) });
