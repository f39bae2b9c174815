import { MessageKey } from './messages';

/** The codes clients see in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export type MessageParams = Record<string, string | number>;

/**
 * A business rule said no. Services throw these and never import GraphQL or HTTP; the exception
 * filter turns them into GraphQL errors with a message in the caller's language.
 */
export class DomainError extends Error {
  /** A finer, stable name for the case within `code` (e.g. SOLE_OWNER), for clients that act on it. */
  reason?: string;

  constructor(
    public readonly code: ErrorCode,
    public readonly messageKey: MessageKey,
    public readonly params: MessageParams = {},
    public readonly field?: string,
  ) {
    super(`${code}: ${messageKey}${field ? ` (${field})` : ''}`);
    this.name = 'DomainError';
  }

  /** Problems with other fields of the same input, found in the same check (see validateInput). */
  more: readonly DomainError[] = [];

  with(more: readonly DomainError[]): this {
    this.more = more;
    return this;
  }
}

/** The HTTP status a REST route answers for each code (GraphQL answers 200 with the code). */
export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
};

export const badInput = (field: string, key: MessageKey, params: MessageParams = {}) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, key, { field, ...params }, field);
export const conflict = (field: string, key: MessageKey) =>
  new DomainError(ErrorCode.CONFLICT, key, { field }, field);
export const notFound = (what = 'object') =>
  new DomainError(ErrorCode.NOT_FOUND, 'notFound', { what });
export const unauthenticated = (key: MessageKey = 'unauthenticated') =>
  new DomainError(ErrorCode.UNAUTHENTICATED, key);
export const forbidden = (key: MessageKey = 'forbidden') => new DomainError(ErrorCode.FORBIDDEN, key);
