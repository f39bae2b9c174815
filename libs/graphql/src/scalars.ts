import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { localize, MessageKey } from './messages';

const DECIMAL = /^-?(0|[1-9]\d{0,30})(\.\d{1,6})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

type ScalarMessage = Extract<MessageKey, 'invalidDecimal' | 'invalidDate' | 'invalidDateTime'>;

function stringLiteral(ast: ValueNode, key: ScalarMessage): string {
  if (ast.kind !== Kind.STRING) bad(key);
  return ast.value;
}
/**
 * Scalars run before any context is read, so they answer in English and name the message: the
 * subgraphs' `localizedErrors` plugin (hardening.ts) puts it in the caller's language and names the field.
 */
function bad(key: ScalarMessage): never {
  throw new GraphQLError(localize(key, 'en'), { extensions: { code: 'BAD_USER_INPUT', messageKey: key } });
}

export function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text.trim())) {
    bad('invalidDecimal');
  }
  return text.trim();
}

/** Exact decimal as a string: VND amounts pass 2^31 and quantities must never be floats. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'Decimal number as a string, e.g. "125000000" or "12.5"',
  serialize: (v) => String(v),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : stringLiteral(ast, 'invalidDecimal')),
});

export function parseDate(value: unknown): string {
  if (typeof value !== 'string') bad('invalidDate');
  const m = DATE.exec(value);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) bad('invalidDate');
  return value;
}

/** A calendar day, YYYY-MM-DD, with no time zone. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, YYYY-MM-DD',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(stringLiteral(ast, 'invalidDate')),
});

export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    bad('invalidDateTime');
  }
  return new Date(value);
}

/** An instant, ISO 8601 with zone; the server answers in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO 8601 date and time with zone',
  serialize: (v) => (v instanceof Date ? v : new Date(String(v))).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(stringLiteral(ast, 'invalidDateTime')),
});

/** "1000.500" → "1000.5", "12.000" → "12": PostgreSQL numeric keeps its scale, people do not. */
export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
