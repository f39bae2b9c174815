import { EntityManager } from 'typeorm';

/**
 * The rows of an `UPDATE … RETURNING`: TypeORM's PostgreSQL driver answers UPDATE and DELETE with
 * `[rows, affected]` instead of the rows that INSERT and SELECT answer with.
 */
export async function updated<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = await em.query<[T[], number]>(sql, params);
  return result[0];
}
