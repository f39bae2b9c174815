import { z } from 'zod';
import { optionalText, positiveQuantity, text, vndAmount } from '@lienket/graphql';
import { NeedVisibility } from '../need.entity';

/** How many suppliers one need may invite: a short list chosen by hand, not a mailing. */
export const MAX_INVITED = 20;

/** Field rules of a need; reference codes and dates are checked by the service against data and the clock. */
export const needSchema = z.object({
  title: text(200),
  description: optionalText(5000),
  categoryCode: z.string().trim(),
  quantity: positiveQuantity,
  unitCode: z.string().trim(),
  targetUnitPrice: z
    .object({
      amount: vndAmount,
      currency: z.literal('VND', { message: 'currencyVnd' }),
    })
    .nullish()
    .transform((v) => v ?? null),
  deliveryProvinceCode: z.string().trim(),
  deliveryFrom: z.string(),
  deliveryTo: z.string(),
  requiredCertifications: z
    .array(z.string().trim().min(1, { message: 'required' }).max(60, { message: 'tooLong' }))
    .max(10, { message: 'tooMany' })
    .nullish()
    .transform((v) => [...new Set(v ?? [])]),
  allowPartial: z.boolean().nullish().transform((v) => v ?? false),
  bidDeadline: z.date(),
  visibility: z
    .enum(NeedVisibility)
    .nullish()
    .transform((v) => v ?? NeedVisibility.PUBLIC),
  // Who is invited is judged against procurement's copy of the organizations (need-audience.ts).
  invitedSupplierIds: z
    .array(z.string().trim().toLowerCase())
    .max(MAX_INVITED, { message: 'tooMany' })
    .nullish()
    .transform((v) => [...new Set(v ?? [])]),
});
export type NeedData = z.infer<typeof needSchema>;
