import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { DocumentNode, GraphQLError, GraphQLFormattedError, Kind, ValidationContext, ValidationRule, visit } from 'graphql';
import { CostOptions, estimateCost } from './cost';
import { ErrorCode } from './errors';
import { Lang, localize, MessageKey, MESSAGES, pickLang } from './messages';

/**
 * What one GraphQL document may ask for, the same at the gateway and at each subgraph (a direct call
 * can do no more than one through the gateway). The web app's largest operation has 130 tokens;
 * test/unit/query-limits.spec.ts checks that every one of them passes every limit.
 */
export const QUERY_LIMITS = {
  /** Nested fields, fragments flattened (`{ me { id } }` is 2). */
  depth: 12,
  /** Aliased fields in one operation, fragments counted at each spread. */
  aliases: 15,
  /** Directives in one operation, fragments counted at each spread. */
  directives: 20,
  /** Lexical tokens of the whole document; the parser stops at the first one past the limit. */
  tokens: 1000,
  /** The estimate of cost.ts. */
  cost: 5000,
} as const;
export type QueryLimit = keyof typeof QUERY_LIMITS;
/** The code of every refusal for size or shape (the message says which limit, and its value). */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

const LIMIT_MESSAGES: Record<QueryLimit, MessageKey> = {
  depth: 'queryTooDeep',
  aliases: 'tooManyAliases',
  directives: 'tooManyDirectives',
  tokens: 'queryTooLong',
  cost: 'queryTooComplex',
};

/**
 * A refusal before execution. Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED, so
 * the code travels in `intendedCode` and the message as a key: `localizedErrors` puts both back,
 * in the caller's language, on the way out.
 */
export function refusal(code: string, key: MessageKey, params: Record<string, string | number> = {}, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(localize(key, 'en', params), {
    extensions: { code, intendedCode: code, messageKey: key, messageParams: params, ...extra, http: { status: 400 } },
  });
}

export const limitRefusal = (limit: QueryLimit, maximum: number) =>
  refusal(QUERY_TOO_COMPLEX, LIMIT_MESSAGES[limit], { max: maximum }, { limit, maximum });

/**
 * GraphQL Armor's depth, alias and directive rules (each fragment counted once and reused, so they
 * are linear in the document and stop on fragment cycles), reporting our coded refusal instead of
 * throwing. Its cost rule is not used: it ignores the schema and prices `first: $n` at 1; its token
 * rule neither: graphql-js's parser counts tokens itself (`parseOptions.maxTokens`).
 */
function armorRules(): ValidationRule[] {
  const report = (limit: QueryLimit) => ({
    n: QUERY_LIMITS[limit],
    exposeLimits: false,
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null) => ctx?.reportError(limitRefusal(limit, QUERY_LIMITS[limit]))],
  });
  return new ApolloArmor({
    maxDepth: { ...report('depth'), flattenFragments: true, ignoreIntrospection: true },
    maxAliases: { ...report('aliases'), allowList: [] }, // Armor lets `__typename` be aliased freely by default
    maxDirectives: report('directives'),
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // Suggestions: Apollo's hideSchemaDetailsFromClientErrors drops them in production; elsewhere
    // introspection is on, so they reveal nothing, and Armor's mask leaves a dangling "?".
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules;
}

/** The first string containing U+0000 among the values given (PostgreSQL cannot store it), as a field path. */
export function nulCharacterAt(variables: Readonly<Record<string, unknown>> | undefined, document: DocumentNode): string | undefined {
  const seen = (value: unknown, path: string[]): string[] | undefined => {
    if (typeof value === 'string') return value.includes('\0') ? path : undefined;
    if (Array.isArray(value)) {
      for (const v of value) {
        const hit = seen(v, path);
        if (hit) return hit;
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const hit = seen(v, [...path, k]);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  // "$input.organization.name" is named like the services name it: "organization.name".
  for (const [name, value] of Object.entries(variables ?? {})) {
    const hit = seen(value, []);
    if (hit) return hit.length ? hit.join('.') : name;
  }
  let found: string | undefined;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (found !== undefined || !node.value.includes('\0')) return;
      const names = [...ancestors, parent ?? []].flatMap((a) => ('kind' in a && (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD) ? [a.name.value] : []));
      found = (names.length > 1 ? names.slice(1) : names).join('.');
    },
  });
  return found;
}

type AnyContext = GraphQLRequestContext<Record<string, unknown>>;
const langOf = (rc: { contextValue?: unknown; request: AnyContext['request'] }): Lang =>
  ((rc.contextValue as { lang?: Lang } | undefined)?.lang) ?? pickLang(rc.request.http?.headers.get('accept-language') ?? undefined);

/**
 * After validation, before anything runs: strings with U+0000 are refused naming the field, and an
 * operation costing more than the limit is refused (cost.ts; linear, so nothing is cached).
 */
function requestChecks(cost: CostOptions): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          const field = nulCharacterAt(request.variables, document);
          if (field !== undefined) throw refusal(ErrorCode.BAD_USER_INPUT, 'invalidCharacter', { field }, { field });
          if (!operation) return; // Apollo answers an unknown operation name itself
          const price = estimateCost(schema, document, operation, request.variables, cost);
          if (price > QUERY_LIMITS.cost) throw limitRefusal('cost', QUERY_LIMITS.cost);
        },
      };
    },
  };
}

// graphql-js 16 writes "more that".
const TOKENS_EXCEEDED = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;
const VARIABLE_ERROR = /^Variable "\$(\w+)" got invalid value .*?(?: at "[^".]+\.([^"]+)")?; /s;

/**
 * Every error a client reads, in its language: refusals and scalar errors carry a message key,
 * graphql-js's variable errors and token limit are recognised by their text, internal errors are
 * the generic message; the code goes back to the one intended.
 */
export function localizeError(error: GraphQLFormattedError, lang: Lang): GraphQLFormattedError {
  const { messageKey, messageParams, intendedCode, http: _http, ...extensions } = error.extensions ?? {};
  if (typeof messageKey === 'string' && messageKey in MESSAGES) {
    const variable = VARIABLE_ERROR.exec(error.message) ?? /^Variable "\$(\w+)"/.exec(error.message);
    const field = typeof extensions.field === 'string' ? extensions.field : variable?.[2] ?? variable?.[1];
    const params = { ...(messageParams as Record<string, string | number> | undefined), ...(field ? { field } : {}) };
    return {
      ...error,
      message: localize(messageKey as MessageKey, lang, params),
      extensions: { ...extensions, ...(typeof intendedCode === 'string' ? { code: intendedCode } : {}), ...(field ? { field } : {}) },
    };
  }
  if (extensions.code === 'GRAPHQL_PARSE_FAILED' && TOKENS_EXCEEDED.test(error.message)) {
    return { ...error, message: localize('queryTooLong', lang, { max: QUERY_LIMITS.tokens }), extensions: { code: QUERY_TOO_COMPLEX, limit: 'tokens', maximum: QUERY_LIMITS.tokens } };
  }
  const variable = extensions.code === ErrorCode.BAD_USER_INPUT ? VARIABLE_ERROR.exec(error.message) : null;
  if (variable) {
    const field = variable[2] ?? variable[1];
    return { ...error, message: localize('invalidValue', lang, { field }), extensions: { ...extensions, field } };
  }
  if (extensions.code === ErrorCode.INTERNAL_SERVER_ERROR) return { ...error, message: localize('internal', lang), extensions };
  return error;
}

const localizedErrors: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse(rc) {
        const body = rc.response.body;
        const result = body.kind === 'single' ? body.singleResult : undefined;
        if (!result?.errors) return;
        const lang = langOf(rc);
        result.errors = result.errors.map((e) => localizeError(e, lang));
      },
    };
  },
};

/** The part of the configuration (libs/config) that the limits depend on. */
export interface ServerHardeningConfig {
  production: boolean;
  photos: { maxPerProduct: number };
  needAttachments: { maxPerNeed: number };
}

/**
 * The hardening shared by the gateway and every subgraph: Armor's depth, alias and directive rules,
 * a token limit in the parser, the cost and U+0000 checks, errors in the caller's language.
 */
export function hardenedServerOptions(config: ServerHardeningConfig) {
  const validationRules = armorRules();
  const cost: CostOptions = {
    listSizes: { 'Product.photos': config.photos.maxPerProduct, 'ProcurementNeed.attachments': config.needAttachments.maxPerNeed },
  };
  return {
    validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.tokens },
    plugins: [requestChecks(cost), localizedErrors],
  };
}
