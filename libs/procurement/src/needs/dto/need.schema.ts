import { z } from 'zod';
import { optionalText, text } from '@lienket/graphql';

const positiveDecimal = z.string().refine((v) => /^\d+(\.\d{1,3})?$/.test(v) && Number(v) > 0, { message: 'mustBePositive' });

/** Field rules of a need; reference codes and dates are checked by the service against data and the clock. */
export const needSchema = z.object({
  title: text(200),
  description: optionalText(5000),
  categoryCode: z.string().trim(),
  quantity: positiveDecimal,
  unitCode: z.string().trim(),
  targetUnitPrice: z
    .object({
      amount: z.string().refine((v) => /^\d{1,18}$/.test(v) && BigInt(v) > 0n, { message: 'mustBePositive' }),
      currency: z.literal('VND', { message: 'currencyVnd' }),
    })
    .nullish()
    .transform((v) => v ?? null),
  deliveryProvinceCode: z.string().trim(),
  deliveryFrom: z.string(),
  deliveryTo: z.string(),
  requiredCertifications: z
    .array(z.string().trim().min(1, { message: 'required' }).max(60, { message: 'tooLong' }))
    .max(10, { message: 'tooLong' })
    .nullish()
    .transform((v) => [...new Set(v ?? [])]),
  allowPartial: z.boolean().nullish().transform((v) => v ?? false),
  bidDeadline: z.date(),
});
export type NeedData = z.infer<typeof needSchema>;
