// CPU accounting of the benches: what the measured processes and PostgreSQL's backends used.
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/** CPU time (user + system, ms) the given processes have used so far, from /proc. */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // a PostgreSQL backend that has ended since it was listed
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** The PostgreSQL backends serving a bench database (other than the asking connection). */
export async function backends(db: Client, database: string): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  return rows.map((r) => r.pid);
}
