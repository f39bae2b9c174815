import type { Pool, QueryConfig } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Watches the SQL a DataSource sends, in order: through TypeORM (`ds.query`) and, for hot
 * statements, as prepared statements of its pool (`preparedQuery`, decision 138).
 */
export function watchStatements(ds: DataSource): { texts: () => string[]; restore: () => void } {
  const pool = (ds.driver as unknown as { master: Pool }).master;
  const viaTypeorm = jest.spyOn(ds, 'query');
  const viaPool = jest.spyOn(pool, 'query');
  return {
    texts: () => {
      const sent: string[] = [];
      for (const [i, [sql]] of viaTypeorm.mock.calls.entries()) sent[viaTypeorm.mock.invocationCallOrder[i]] = sql;
      for (const [i, [q]] of viaPool.mock.calls.entries()) {
        sent[viaPool.mock.invocationCallOrder[i]] = typeof q === 'string' ? q : (q as QueryConfig).text;
      }
      return sent.filter((t) => t !== undefined);
    },
    restore: () => {
      viaTypeorm.mockRestore();
      viaPool.mockRestore();
    },
  };
}
