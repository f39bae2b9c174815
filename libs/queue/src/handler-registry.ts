import { JOB_NAMES, JobName, JobPayloads } from './contracts';

export interface JobHandler<N extends JobName = JobName> {
  handle(payload: JobPayloads[N], jobId: string): Promise<void>;
}

/**
 * Maps each job of a queue (`jobs`, see queueJobs) to exactly one handler. Refuses (with every
 * problem listed) when a job has no handler or two, or a handler claims a job this queue does not
 * carry — so such a worker never starts.
 */
export function buildHandlerRegistry(entries: { name: string; handler: JobHandler; owner: string }[], jobs: readonly JobName[]) {
  const problems: string[] = [];
  const registry = new Map<JobName, JobHandler>();
  for (const name of jobs) {
    const mine = entries.filter((e) => e.name === name);
    if (mine.length === 0) problems.push(`job "${name}" has no handler`);
    if (mine.length > 1) problems.push(`job "${name}" has ${mine.length} handlers: ${mine.map((e) => e.owner).join(', ')}`);
    if (mine.length === 1) registry.set(name, mine[0].handler);
  }
  for (const e of entries) {
    if (!(JOB_NAMES as readonly string[]).includes(e.name)) problems.push(`${e.owner} handles unknown job "${e.name}"`);
    else if (!(jobs as readonly string[]).includes(e.name)) problems.push(`${e.owner} handles "${e.name}", which this queue does not carry`);
  }
  if (problems.length) throw new Error(`Worker refuses to start:\n  - ${problems.join('\n  - ')}`);
  return registry;
}
