import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  OperationDefinitionNode,
  parse,
  print,
  Source,
  specifiedRules,
  TokenKind,
  validate,
} from 'graphql';
import { loadConfig } from '@lienket/config';
import { estimateCost, hardenedServerOptions, LIST_SIZES, localizeError, nulCharacterAt, QUERY_LIMITS } from '@lienket/graphql';
import { CERTIFICATION_KINDS } from '@lienket/products';
import { CATEGORIES, PROVINCES, UNITS, wardsOfProvince } from '@lienket/reference-data';

const root = join(__dirname, '..', '..');
const schema = buildSchema(readFileSync(join(root, 'schema', 'api.graphql'), 'utf8'));
const config = loadConfig({ SECRETS_FILE: join(mkdtempSync(join(tmpdir(), 'lienket-secrets-')), 'secrets.json') });
const hardened = hardenedServerOptions(config);

const operationOf = (doc: ReturnType<typeof parse>) => doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const doc = parse(query);
  return estimateCost(schema, doc, operationOf(doc), variables, { listSizes: { 'Product.photos': config.photos.maxPerProduct } });
};
const tokens = (text: string) => {
  const lexer = new Lexer(new Source(text));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
};
const refusals = (query: string) => validate(schema, parse(query), [...specifiedRules, ...hardened.validationRules]);

describe('list sizes used by the cost estimate', () => {
  it('are the real maxima of the reference data, the certification kinds and the photo limit', () => {
    const perParent = new Map<string | null, number>();
    for (const c of CATEGORIES) perParent.set(c.parentCode ?? null, (perParent.get(c.parentCode ?? null) ?? 0) + 1);
    expect(LIST_SIZES['Query.provinces']).toBe(PROVINCES.length);
    expect(LIST_SIZES['Query.categories']).toBe(Math.max(...perParent.values()));
    expect(LIST_SIZES['Query.allCategories']).toBe(CATEGORIES.length);
    expect(LIST_SIZES['Query.units']).toBe(UNITS.length);
    expect(LIST_SIZES['Query.wards']).toBe(Math.max(...PROVINCES.map((p) => wardsOfProvince(p.code).length)));
    expect(LIST_SIZES['Organization.certifications']).toBe(CERTIFICATION_KINDS.length);
    expect(LIST_SIZES['Product.certifications']).toBe(CERTIFICATION_KINDS.length);
    expect(LIST_SIZES['Product.photos']).toBe(config.photos.maxPerProduct);
    expect(LIST_SIZES['ProcurementNeed.attachments']).toBe(config.needAttachments.maxPerNeed);
  });

  it('cover every list of objects in the composed API that takes no `first`', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const isObjectList = isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type));
        const paged = field.args.some((a) => a.name === 'first') || (type.name.endsWith('Connection') && field.name === 'edges');
        if (isObjectList && !paged && LIST_SIZES[`${type.name}.${field.name}`] === undefined) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the cost estimate', () => {
  it('prices a list without `first` at its real maximum and a connection at its page size', () => {
    expect(cost('{ provinces { code name } }')).toBe(1 + 34 * 2);
    expect(cost('{ searchProducts(first: 50) { edges { node { id } } } }')).toBe(1 + 50 * (1 + 1 * (1 + 1)));
    expect(cost('query Q($n: Int!) { searchProducts(first: $n) { edges { node { id } } } }', { n: 7 })).toBe(1 + 7 * 3);
    expect(cost('{ searchProducts { edges { node { photos { url } } } } }')).toBe(1 + 20 * (1 + (1 + (1 + 8 * 1))));
  });

  it('prices nested fragments at least as high as their expansion, without expanding them', () => {
    // F0 is one list of 34; each level spreads the one below twice: 2^40 copies once expanded.
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Query { ...F${i} a${i}: __typename ...G${i} } fragment G${i + 1} on Query { ...F${i} ...G${i} }`);
    const query = `{ ...F${levels} } fragment F0 on Query { provinces { code } } fragment G0 on Query { units { code } } ${fragments.join(' ')}`;
    expect(cost(query)).toBeGreaterThan(2 ** levels);
  });

  it('lets the development tools introspect: the introspection query passes every limit', () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    expect(tokens(query)).toBeLessThanOrEqual(QUERY_LIMITS.tokens);
    expect(refusals(query)).toEqual([]);
    expect(cost(query)).toBeLessThanOrEqual(QUERY_LIMITS.cost);
  });

  it('counts a fragment spread inside itself as nothing instead of recursing forever', () => {
    expect(cost('{ ...A } fragment A on Query { provinces { code } ...B } fragment B on Query { ...A }')).toBe(1 + 34);
  });
});

describe('the validation rules', () => {
  it('refuse depth, aliases and directives past their limits, naming the limit', () => {
    const deep = `{ categories { ${'parent { '.repeat(QUERY_LIMITS.depth)}code${' }'.repeat(QUERY_LIMITS.depth)} } }`;
    const aliases = `{ ${Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const directives = `{ ${Array.from({ length: QUERY_LIMITS.directives + 1 }, () => '__typename @include(if: true)').join(' ')} }`;
    for (const [query, limit] of [[deep, 'depth'], [aliases, 'aliases'], [directives, 'directives']] as const) {
      const errors = refusals(query);
      expect(errors.map((e) => [e.extensions.intendedCode, e.extensions.limit])).toContainEqual(['QUERY_TOO_COMPLEX', limit]);
    }
  });

  it('end on a fragment cycle with graphql-js\'s own error, not a stack overflow', () => {
    const errors = refusals('{ ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }');
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/Cannot spread fragment "A" within itself/));
  });
});

describe('every operation of the web app', () => {
  const generated = readFileSync(join(root, 'apps', 'web', 'src', 'gql', 'graphql.ts'), 'utf8');
  const documents = [...generated.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as/gm)].map(([, name, json]) => [name, print(JSON.parse(json) as ReturnType<typeof parse>)] as const);

  it('was found in the generated client code', () => {
    expect(documents.length).toBeGreaterThan(20);
  });

  it.each(documents)('%s passes every limit with the page sizes the app asks for', (_name, text) => {
    expect(tokens(text)).toBeLessThanOrEqual(QUERY_LIMITS.tokens);
    expect(refusals(text)).toEqual([]);
    expect(cost(text, { first: 20 })).toBeLessThanOrEqual(QUERY_LIMITS.cost);
  });
});

describe('U+0000 in string inputs', () => {
  it('is found in variables and in literals, named like the services name fields', () => {
    const doc = parse('mutation M($input: SignUpInput!) { signUp(input: $input) { accessToken } }');
    expect(nulCharacterAt({ input: { email: 'a@b.vn', organization: { name: 'HTX\u0000' } } }, doc)).toBe('organization.name');
    expect(nulCharacterAt({ email: 'x\u0000' }, doc)).toBe('email');
    expect(nulCharacterAt({}, parse('mutation { signIn(email: "a\\u0000b", password: "x") { accessToken } }'))).toBe('email');
    expect(nulCharacterAt({}, parse('mutation { createProduct(input: { name: "\\u0000" }) { id } }'))).toBe('name');
    expect(nulCharacterAt({ input: { name: 'Cà phê' } }, doc)).toBeUndefined();
  });
});

describe('errors on the way out', () => {
  it('put a refusal in the caller\'s language with its intended code', () => {
    const [error] = refusals(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    const out = localizeError({ message: error.message, extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } }, 'vi');
    expect(out).toEqual({ message: 'Truy vấn dùng quá nhiều bí danh (tối đa 15).', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', maximum: 15 } });
  });

  it('name the field of a variable graphql-js refused, in the caller\'s language', () => {
    const out = localizeError(
      { message: 'Variable "$input" got invalid value 3000000000 at "input.memberCount"; Int cannot represent non 32-bit signed integer value: 3000000000', extensions: { code: 'BAD_USER_INPUT' } },
      'en',
    );
    expect(out).toEqual({ message: 'Member count is not valid.', extensions: { code: 'BAD_USER_INPUT', field: 'memberCount' } });
  });

  it('say the token limit in the caller\'s language', () => {
    let message = '';
    try {
      parse(`{ ${'a '.repeat(QUERY_LIMITS.tokens)}}`, hardened.parseOptions);
    } catch (e) {
      message = (e as Error).message;
    }
    const out = localizeError({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, 'en');
    expect(out).toEqual({ message: 'The query is too long (at most 1000 tokens).', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', maximum: 1000 } });
  });
});
