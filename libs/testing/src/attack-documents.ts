/**
 * GraphQL documents that attack a server's validation, each family generated at any size `n`
 * (test/security/graphql-*.security-spec.ts sends them; `npm run bench:attacks` times them).
 */
export const ATTACKS = {
  /** 2^n copies of a list once expanded, from a document linear in n (two fragments per level). */
  nestedFragments: (n: number) => {
    const levels = Array.from({ length: n }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...G${i} } fragment G${i + 1} on Query { ...F${i} ...G${i} }`);
    return `{ ...F${n} ...G${n} } fragment F0 on Query { provinces { code } } fragment G0 on Query { units { code } } ${levels.join(' ')}`;
  },
  /** A ring of n fragments spreading each other. */
  fragmentCycle: (n: number) => {
    const ring = Array.from({ length: n }, (_, i) => `fragment F${i} on Query { __typename ...F${(i + 1) % n} }`);
    return `{ ...F0 } ${ring.join(' ')}`;
  },
  /** n aliases of one field. */
  aliases: (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: provinces { code }`).join(' ')} }`,
  /** n directives, one on each repetition of a field. */
  directives: (n: number) => `{ provinces { ${'code @include(if: true) '.repeat(n)}} }`,
  /** n tokens of repeated fields. */
  tokens: (n: number) => `{ provinces { ${'code '.repeat(Math.max(1, n - 4))}} }`,
  /** n levels of nested fields. */
  deepNesting: (n: number) => `{ categories { ${'parent { '.repeat(n)}code${' }'.repeat(n)} } }`,
} as const;
export type AttackFamily = keyof typeof ATTACKS;
