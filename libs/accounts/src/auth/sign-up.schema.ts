import { z } from 'zod';
import { optionalText, text } from '@lienket/graphql';
import { OrganizationKind } from '../organizations/organization.entity';
import { Locale } from '../users/user.entity';

export const MIN_PASSWORD_LENGTH = 10;

/** A password anyone chooses (sign-up, an invitation, a reset); argon2 hashes at most 200 characters. */
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: 'weakPassword' })
  .max(200, { message: 'tooLong' });

/** An e-mail address as stored: trimmed, lower case. */
export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'tooLong' })
  .pipe(z.email({ message: 'invalidEmail' }));

/** Sign-up rules; messages are message keys, paths are the input's field names. */
export const signUpSchema = z.object({
  email: emailAddress,
  password: newPassword,
  fullName: text(120),
  locale: z.enum(Locale).nullish().transform((l) => l ?? Locale.VI),
  organization: z.object({
    kind: z.enum(OrganizationKind),
    name: text(200),
    taxCode: z.string().trim().min(1, { message: 'required' }).max(20, { message: 'invalidTaxCode' }),
    provinceCode: z.string().trim().min(1, { message: 'required' }).max(10, { message: 'tooLong' }),
    address: optionalText(300),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().-]{8,20}$/, { message: 'invalidValue' })
      .nullish()
      .transform((v) => v ?? null),
    memberCount: z.number().int().min(1, { message: 'outOfRange' }).max(1_000_000, { message: 'outOfRange' }).nullish().transform((v) => v ?? null),
  }),
});
export type SignUpData = z.infer<typeof signUpSchema>;
