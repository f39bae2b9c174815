import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** One error the server reported, reduced to what the UI uses. */
export interface ApiError {
  message: string;
  code?: string;
  /** Dotted path of the input field the error is about, e.g. `organization.taxCode`. */
  field?: string;
}

interface RawGraphQLError {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

function toApiError(raw: RawGraphQLError): ApiError | null {
  if (typeof raw.message !== 'string') return null;
  const code = raw.extensions?.code;
  const field = raw.extensions?.field;
  return {
    message: raw.message,
    code: typeof code === 'string' ? code : undefined,
    field: typeof field === 'string' ? field : undefined,
  };
}

function parseServerErrorBody(bodyText: string): RawGraphQLError[] {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (body && typeof body === 'object' && 'errors' in body && Array.isArray(body.errors)) {
      return body.errors as RawGraphQLError[];
    }
  } catch {
    // Not JSON (a proxy's HTML error page, say): there is nothing the user can act on.
  }
  return [];
}

/** A refused REST call (the session routes): its body holds errors shaped as GraphQL's. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: RawGraphQLError[],
  ) {
    super(`HTTP ${status}`);
  }

  static async from(response: Response): Promise<ApiRequestError> {
    return new ApiRequestError(response.status, parseServerErrorBody(await response.text()));
  }
}

/**
 * The GraphQL errors carried by an Apollo error or a refused REST call. A server may answer with a non-2xx status and
 * plain JSON, which Apollo surfaces as a ServerError; its body still holds the localized errors.
 */
export function apiErrorsOf(error: unknown): ApiError[] {
  let raw: readonly RawGraphQLError[] = [];
  if (CombinedGraphQLErrors.is(error)) raw = error.errors;
  else if (ServerError.is(error)) raw = parseServerErrorBody(error.bodyText);
  else if (error instanceof ApiRequestError) raw = error.errors;
  return raw.flatMap(withProblems).map(toApiError).filter((e): e is ApiError => e !== null);
}

/**
 * One check of an input may find a problem in several fields: the server sends the first as the
 * error and all of them in `extensions.problems`, so that a form shows every one at once.
 */
function withProblems(raw: RawGraphQLError): RawGraphQLError[] {
  const problems = raw.extensions?.problems;
  if (!Array.isArray(problems) || problems.length === 0) return [raw];
  return (problems as { field?: unknown; message?: unknown }[]).map((p) => ({
    message: p.message,
    extensions: { ...raw.extensions, field: p.field, problems: undefined },
  }));
}

export function hasErrorCode(error: unknown, code: string): boolean {
  if (ServerError.is(error) && code === 'UNAUTHENTICATED' && error.statusCode === 401) return true;
  return apiErrorsOf(error).some((e) => e.code === code);
}
