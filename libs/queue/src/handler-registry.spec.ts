import { buildHandlerRegistry, JobHandler } from './handler-registry';

const handler: JobHandler = { handle: async () => undefined };

describe('buildHandlerRegistry', () => {
  it('maps every job to its one handler', () => {
    const registry = buildHandlerRegistry([{ name: 'organization.registered', handler, owner: 'A' }]);
    expect(registry.get('organization.registered')).toBe(handler);
  });
  it('refuses a job without a handler', () => {
    expect(() => buildHandlerRegistry([])).toThrow(/"organization.registered" has no handler/);
  });
  it('refuses a job with two handlers, naming both', () => {
    expect(() =>
      buildHandlerRegistry([
        { name: 'organization.registered', handler, owner: 'A' },
        { name: 'organization.registered', handler, owner: 'B' },
      ]),
    ).toThrow(/2 handlers: A, B/);
  });
  it('refuses a handler for a job nobody publishes', () => {
    expect(() =>
      buildHandlerRegistry([
        { name: 'organization.registered', handler, owner: 'A' },
        { name: 'no.such.job', handler, owner: 'C' },
      ]),
    ).toThrow(/C handles unknown job "no.such.job"/);
  });
});
