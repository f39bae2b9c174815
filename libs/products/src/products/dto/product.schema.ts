import { z } from 'zod';
import { optionalText, positiveQuantity, text, vndAmount } from '@lienket/graphql';
import { CERTIFICATION_KINDS, CertificationKind } from '../product.entity';

const KIND_BY_NAME = new Map<string, CertificationKind>(
  CERTIFICATION_KINDS.map((k) => [k.toLowerCase(), k]),
);

/** "vietgap" → "VietGAP"; null when the kind is not one we know. */
export const canonicalCertificationKind = (kind: string): CertificationKind | null =>
  KIND_BY_NAME.get(kind.trim().toLowerCase()) ?? null;

const quantity = positiveQuantity;

/** VND has no minor unit: whole positive đồng, at most 18 digits. */
const vnd = z
  .object({
    amount: vndAmount,
    currency: z.literal('VND', { message: 'currencyVnd' }),
  })
  .nullish()
  .transform((v) => v?.amount ?? null);

const certification = z.object({
  kind: z.string().transform((k, ctx) => {
    const kind = canonicalCertificationKind(k);
    if (!kind) ctx.addIssue({ code: 'custom', message: 'unknownCertification' });
    return kind ?? z.NEVER;
  }),
  issuer: optionalText(200),
  validUntil: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});

/**
 * Field rules of a listing; messages are message keys, paths are the input's field names. Reference
 * codes and rules across fields are checked by `parseProductInput`.
 */
export const productSchema = z.object({
  categoryCode: z.string().trim().min(1, { message: 'required' }),
  name: text(200),
  description: optionalText(5000),
  unitCode: z.string().trim().min(1, { message: 'required' }),
  priceUnitCode: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null),
  monthlyCapacity: quantity,
  minOrderQuantity: quantity.nullish().transform((v) => v ?? null),
  priceMin: vnd,
  priceMax: vnd,
  harvestMonths: z
    .array(z.number().int())
    .nullish()
    .transform((v) => [...new Set(v ?? [])].sort((a, b) => a - b))
    .refine((months) => months.every((m) => m >= 1 && m <= 12), { message: 'harvestMonthRange' }),
  certifications: z
    .array(certification)
    .max(CERTIFICATION_KINDS.length, { message: 'tooMany' })
    .nullish()
    .transform((v) => v ?? [])
    .superRefine((certs, ctx) => {
      const seen = new Set<string>();
      certs.forEach((c, i) => {
        if (seen.has(c.kind))
          ctx.addIssue({ code: 'custom', message: 'duplicateCertification', path: [i, 'kind'] });
        seen.add(c.kind);
      });
    }),
});
export type ProductData = z.infer<typeof productSchema>;
