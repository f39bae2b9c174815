import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from './errors';
import { Lang, localize } from './messages';

/**
 * The one place where errors become what a client sees: domain errors get their code and a message in
 * the caller's language; GraphQL errors pass through; anything else is logged and answered with a
 * generic INTERNAL_SERVER_ERROR, never a stack trace.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphqlExceptionFilter');

  override catch(exception: unknown, host: ArgumentsHost) {
    // HTTP routes (health, webhooks) keep Nest's JSON error answers.
    if (host.getType<GqlContextType>() !== 'graphql') return super.catch(exception, host);
    const ctx = GqlArgumentsHost.create(host).getContext<{ lang?: Lang }>();
    return toGraphqlError(exception, ctx?.lang ?? 'vi', this.logger);
  }
}

export function toGraphqlError(exception: unknown, lang: Lang, logger?: Logger): GraphQLError {
  if (exception instanceof DomainError) {
    const message = localize(exception.messageKey, lang, exception.params);
    // Every field's problem, this one first, when one check found several: `problems` is additive,
    // so clients that read only `message` and `field` still get the first.
    const problems =
      exception.more.length > 0
        ? [exception, ...exception.more].map((e) => ({ field: e.field, message: localize(e.messageKey, lang, e.params) }))
        : undefined;
    return new GraphQLError(message, {
      extensions: { code: exception.code, ...(exception.field ? { field: exception.field } : {}), ...(exception.reason ? { reason: exception.reason } : {}), ...(problems ? { problems } : {}) },
    });
  }
  if (exception instanceof GraphQLError && exception.extensions?.code) return exception;
  if (isDataException(exception)) {
    // A value PostgreSQL refused (out of its column's range, not text it can store, not a uuid):
    // the caller's input, which a check before the query should have named. Logged to find it.
    logger?.warn(`input refused by the database: ${(exception as Error).message}`);
    return new GraphQLError(localize('invalidInput', lang), { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  }
  logger?.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
  return new GraphQLError(localize('internal', lang), {
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}

/** SQLSTATE class 22 (data exception), as pg reports it directly or inside TypeORM's QueryFailedError. */
function isDataException(e: unknown): boolean {
  const code = (e as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ?? (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}
