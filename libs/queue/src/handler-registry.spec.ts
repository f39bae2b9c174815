import { JOB_NAMES, SCHEDULED_JOBS } from './contracts';
import { buildHandlerRegistry, JobHandler } from './handler-registry';

const handler: JobHandler = { handle: async () => undefined };
const everyJob = (owner = 'A') => JOB_NAMES.map((name) => ({ name, handler, owner }));
const others = () => everyJob().filter((e) => e.name !== 'organization.registered');

describe('buildHandlerRegistry', () => {
  it('maps every job to its one handler', () => {
    const registry = buildHandlerRegistry(everyJob());
    expect([...registry.keys()]).toEqual(JOB_NAMES);
    expect(registry.get('organization.registered')).toBe(handler);
  });
  it('refuses a job without a handler', () => {
    expect(() => buildHandlerRegistry(others())).toThrow(/"organization.registered" has no handler/);
  });
  it('refuses a job with two handlers, naming both', () => {
    expect(() =>
      buildHandlerRegistry([
        ...others(),
        { name: 'organization.registered', handler, owner: 'A' },
        { name: 'organization.registered', handler, owner: 'B' },
      ]),
    ).toThrow(/2 handlers: A, B/);
  });
  it('refuses a handler for a job nobody publishes', () => {
    expect(() =>
      buildHandlerRegistry([...everyJob(), { name: 'no.such.job', handler, owner: 'C' }]),
    ).toThrow(/C handles unknown job "no.such.job"/);
  });
  it('refuses to start when a scheduled job has no handler', () => {
    expect(SCHEDULED_JOBS.map((j) => j.name)).toEqual(['certifications.expiry_scan', 'uploads.orphan_sweep']);
    expect(() => buildHandlerRegistry(everyJob().filter((e) => e.name !== 'certifications.expiry_scan'))).toThrow(
      /"certifications.expiry_scan" has no handler/,
    );
  });
});
