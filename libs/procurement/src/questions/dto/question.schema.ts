import { DomainError, ErrorCode, MessageParams, text } from '@lienket/graphql';

export const QUESTION_MAX_LENGTH = 1000;
export const ANSWER_MAX_LENGTH = 2000;

/**
 * A trimmed, non-empty text of at most `max` characters, refused as BAD_USER_INPUT naming the
 * argument (`field`). The message's label is `label`: the argument `text` already names a dispute's
 * statement in FIELD_LABELS, and a question is not one.
 */
export function checkedText(raw: string, field: string, label: string, max: number): string {
  const r = text(max).safeParse(raw);
  if (r.success) return r.data;
  const params: MessageParams = { field: label, max };
  throw new DomainError(ErrorCode.BAD_USER_INPUT, r.error.issues[0]?.code === 'too_big' ? 'tooLong' : 'required', params, field);
}
