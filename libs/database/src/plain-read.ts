import type { DataSource } from 'typeorm';

/** A hot read's table and column list: see `plainRead`. */
export interface PlainRead<T> {
  /** The schema-qualified table, e.g. `procurement.needs`. */
  table: string;
  /** Every column as `alias.column AS "property"`, `date` columns as text (as TypeORM gives them). */
  columns: string;
  /** Rows of `SELECT ${columns}` as instances of the entity, without TypeORM's hydration. */
  entities: (rows: object[]) => T[];
}

const reads = new WeakMap<DataSource, Map<string, PlainRead<unknown>>>();

/**
 * For reads hot enough that the query builder and entity hydration show in a profile (decision
 * 42): the entity's table and columns from TypeORM's metadata, for one `ds.query` with plain SQL.
 * Only for entities whose columns need no transformer (numeric stays a string, as in TypeORM).
 */
export function plainRead<T extends object>(ds: DataSource, entity: new () => T, alias: string): PlainRead<T> {
  let byEntity = reads.get(ds);
  if (!byEntity) reads.set(ds, (byEntity = new Map<string, PlainRead<unknown>>()));
  const key = `${entity.name} ${alias}`;
  let read = byEntity.get(key) as PlainRead<T> | undefined;
  if (!read) {
    const meta = ds.getMetadata(entity);
    if (meta.columns.some((c) => c.transformer)) throw new Error(`${entity.name} has a column transformer: read it through TypeORM`);
    read = {
      table: meta.tablePath,
      columns: meta.columns
        .map((c) => `${alias}.${c.databaseName}${c.type === 'date' ? '::text' : ''} AS "${c.propertyName}"`)
        .join(', '),
      entities: (rows) => rows.map((r) => Object.assign(new entity(), r)),
    };
    byEntity.set(key, read);
  }
  return read;
}
