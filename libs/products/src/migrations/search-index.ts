// Which index product search enters by (decision 62). Not a migration (migrations/index.ts must list
// only migrations): the search migration calls it once, and every `migrateAll` (so `npm start`)
// calls it again, so a database migrated without RUM gains the RUM index once the extension is
// installed, and SEARCH_RUM=off turns a RUM database to the fallback.

/** `rum`: ordered by `sort_key` inside the index (the fast path); `gin`: contrib's fallback. */
export type SearchIndexKind = 'rum' | 'gin';

/** Runs one statement and returns its rows (a TypeORM QueryRunner or a pg client, wrapped). */
export type RunSql = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** The access method of `catalog.product_search_doc` (null before the search migration): what search plans by. */
export const SEARCH_INDEX_KIND_SQL = `SELECT am.amname AS kind FROM pg_class c
   JOIN pg_am am ON am.oid = c.relam
   JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'catalog' AND c.relname = 'product_search_doc'`;

/**
 * Makes `catalog.product_search_doc` the RUM index when `rum` is `auto` and PostgreSQL offers the
 * extension (creating it), else a GIN index over the same tsvector. Builds the new index before
 * dropping the old one, under the caller's transaction; does nothing when the right one exists.
 * Returns what there is now and whether it changed.
 */
export async function ensureSearchIndex(
  sql: RunSql,
  rum: 'auto' | 'off',
): Promise<{ kind: SearchIndexKind; changed: boolean; rumAvailable: boolean }> {
  const rumAvailable = (await sql(`SELECT 1 FROM pg_available_extensions WHERE name = 'rum'`)).length > 0;
  const kind: SearchIndexKind = rum === 'auto' && rumAvailable ? 'rum' : 'gin';
  const [current] = await sql(SEARCH_INDEX_KIND_SQL);
  if (current?.kind === kind) return { kind, changed: false, rumAvailable };
  let method = 'gin (doc)';
  if (kind === 'rum') {
    // RUM is not in contrib (Debian: postgresql-15-rum); it is a trusted extension.
    await sql('CREATE EXTENSION IF NOT EXISTS rum');
    const [{ schema }] = await sql(
      `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'rum'`,
    );
    // Each posting carries sort_key, so a scan returns a lexeme's listings in that order.
    method = `rum (doc ${String(schema)}.rum_tsvector_addon_ops, sort_key)
        WITH (attach = 'sort_key', to = 'doc', order_by_attach = 't')`;
  }
  await sql(`CREATE INDEX product_search_doc_next ON catalog.product_search USING ${method}`);
  await sql('DROP INDEX IF EXISTS catalog.product_search_doc');
  await sql('ALTER INDEX catalog.product_search_doc_next RENAME TO product_search_doc');
  return { kind, changed: true, rumAvailable };
}

/** The line `npm start` prints about search when it runs without RUM; null when RUM serves it. */
export function searchIndexWarning(r: { kind: SearchIndexKind; rumAvailable: boolean }): string | null {
  if (r.kind === 'rum') return null;
  return r.rumAvailable
    ? 'WARNING product search uses its GIN fallback (SEARCH_RUM=off); unset SEARCH_RUM and restart for the faster RUM index'
    : "WARNING PostgreSQL has no RUM extension: product search uses its slower GIN fallback. Install it ('apt-get install postgresql-15-rum', the package for your PostgreSQL version) and restart: the RUM index is then built at start";
}
