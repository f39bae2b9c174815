import { z } from 'zod';
import { badInput } from './errors';
import { MessageKey, MESSAGES } from './messages';
import { trimDecimal } from './scalars';

/**
 * Validates an input with a zod schema whose messages are message keys; the first problem becomes a
 * BAD_USER_INPUT error naming the field (dotted path), in the caller's language.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // The first problem is the error; the first problem of every other field rides along with it, so
  // a form can show them all at once instead of one per submission.
  const seen = new Set<string>();
  const errors = result.error.issues
    .filter((issue) => {
      const field = issue.path.map(String).join('.');
      if (seen.has(field)) return false;
      seen.add(field);
      return true;
    })
    .map((issue) => issueError(schema, issue));
  const [first, ...more] = errors;
  throw more.length > 0 ? first.with(more) : first;
}

function issueError(schema: z.ZodType, issue: z.core.$ZodIssue) {
  const field = issue.path.map(String).join('.');
  const key = (issue.message in MESSAGES ? issue.message : 'invalidValue') as MessageKey;
  const params: Record<string, string | number> = {};
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    // "between {min} and {max}" needs both bounds of a number, while the issue carries the one crossed.
    const number = numberAt(schema, issue.path);
    // The crossed bound is the issue's own (a check may compute it, e.g. "this year"); the other is the schema's.
    const crossed = Number((issue as { maximum?: unknown; minimum?: unknown }).maximum ?? (issue as { minimum?: unknown }).minimum);
    params.min = issue.code === 'too_small' ? crossed : (finite(number?.minValue) ?? crossed);
    params.max = issue.code === 'too_big' ? crossed : (finite(number?.maxValue) ?? crossed);
  }
  return badInput(field, key, params);
}

/** A bound a person can read: `.int()` alone sets ±MAX_SAFE_INTEGER, which is no bound at all. */
const finite = (n: number | null | undefined) => (typeof n === 'number' && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);

/** The number schema at a path of an object schema, through optional, nullable and transform wrappers. */
function numberAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodNumber | undefined {
  const unwrap = (s: z.ZodType): z.ZodType => {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) return unwrap(s.unwrap() as z.ZodType);
    if (s instanceof z.ZodPipe) return unwrap(s.in as z.ZodType);
    return s;
  };
  let current = unwrap(schema);
  for (const key of path) {
    if (current instanceof z.ZodObject) current = unwrap(current.shape[String(key)] as z.ZodType);
    else if (current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType);
    else return undefined;
    if (!current) return undefined;
  }
  return current instanceof z.ZodNumber ? current : undefined;
}

/** A positive quantity as stored in numeric(20, 3): at most 17 digits before the point and 3 after; "12.500" → "12.5". */
export const positiveQuantity = z
  .string()
  .refine((v) => !/^-|^0+(\.0*)?$/.test(v), { message: 'mustBePositive' })
  .refine((v) => /^\d{1,17}(\.\d{1,3})?$/.test(v), { message: 'decimalPrecision' })
  .transform(trimDecimal);

/** A VND amount: whole positive đồng (VND has no minor unit), at most 18 digits (numeric(20, 0) columns). */
export const vndAmount = z
  .string()
  .refine((v) => /^\d+$/.test(v) && /[1-9]/.test(v), { message: 'mustBePositive' })
  .refine((v) => v.length <= 18, { message: 'vndDigits' });

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
