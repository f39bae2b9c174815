import { z } from 'zod';
import { badInput } from './errors';
import { MessageKey, MESSAGES } from './messages';

/**
 * Validates an input with a zod schema whose messages are message keys; the first problem becomes a
 * BAD_USER_INPUT error naming the field (dotted path), in the caller's language.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join('.');
  const key = (issue.message in MESSAGES ? issue.message : 'invalidValue') as MessageKey;
  const params: Record<string, string | number> = {};
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const limit = Number((issue as { maximum?: unknown; minimum?: unknown }).maximum ?? (issue as { minimum?: unknown }).minimum);
    params.max = limit;
    params.min = limit;
  }
  throw badInput(field, key, params);
}

/** A trimmed, non-empty text of at most `max` characters. */
export const text = (max: number) =>
  z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'tooLong' })
    .nullish()
    .transform((v) => (v ? v : null));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids reach SQL uuid casts: anything else must read as "not found", never as an internal error. */
export const isUuid = (id: string): boolean => UUID.test(id);
