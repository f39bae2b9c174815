import { EVENTS_QUEUE, PROCUREMENT_QUEUE, queueJobs, SCHEDULED_JOBS } from './contracts';
import { buildHandlerRegistry, JobHandler } from './handler-registry';

const handler: JobHandler = { handle: async () => undefined };
const JOBS = queueJobs(EVENTS_QUEUE);
const everyJob = (owner = 'A') => JOBS.map((name) => ({ name, handler, owner }));
const others = () => everyJob().filter((e) => e.name !== 'organization.registered');

describe('buildHandlerRegistry', () => {
  it('maps every job to its one handler', () => {
    const registry = buildHandlerRegistry(everyJob(), JOBS);
    expect([...registry.keys()]).toEqual(JOBS);
    expect(registry.get('organization.registered')).toBe(handler);
  });
  it('refuses a job without a handler', () => {
    expect(() => buildHandlerRegistry(others(), JOBS)).toThrow(/"organization.registered" has no handler/);
  });
  it('refuses a job with two handlers, naming both', () => {
    expect(() =>
      buildHandlerRegistry([
        ...others(),
        { name: 'organization.registered', handler, owner: 'A' },
        { name: 'organization.registered', handler, owner: 'B' },
      ], JOBS),
    ).toThrow(/2 handlers: A, B/);
  });
  it('refuses a handler for a job nobody publishes', () => {
    expect(() =>
      buildHandlerRegistry([...everyJob(), { name: 'no.such.job', handler, owner: 'C' }], JOBS),
    ).toThrow(/C handles unknown job "no.such.job"/);
  });
  it('refuses to start when a scheduled job has no handler', () => {
    expect(SCHEDULED_JOBS.map((j) => j.name)).toEqual(['certifications.expiry_scan', 'uploads.orphan_sweep']);
    expect(() => buildHandlerRegistry(everyJob().filter((e) => e.name !== 'certifications.expiry_scan'), JOBS)).toThrow(
      /"certifications.expiry_scan" has no handler/,
    );
  });
  it('gives each queue its own jobs: procurement handles organizations and deadlines, the matcher notices, organizations and listings', () => {
    expect(queueJobs(PROCUREMENT_QUEUE)).toEqual(['organization.changed', 'need.deadline_reached']);
    expect(JOBS).toContain('need.moderation_decided');
    // Both keep a copy of the organizations: procurement to judge bidders, the matcher to rank them.
    expect(JOBS).toContain('organization.changed');
    expect(JOBS).toContain('need.closed');
  });
  it('refuses a handler for a job its queue does not carry', () => {
    expect(() => buildHandlerRegistry([...everyJob(), { name: 'need.deadline_reached', handler, owner: 'D' }], JOBS)).toThrow(
      /D handles "need.deadline_reached", which this queue does not carry/,
    );
  });
});
