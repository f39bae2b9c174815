import { serverAudits } from 'graphql-http';
import { gatewayUrl } from '../support/e2e';

// The GraphQL-over-HTTP conformance audit (graphql-http) against the running gateway, with every
// hardening rule on: a limit or a refusal must never break what the specification requires.
// Recommendations (SHOULD, MAY) are listed in the test name when they warn, not required.
describe('graphql-http audit of the gateway', () => {
  const audits = serverAudits({ url: () => gatewayUrl(), fetchFn: fetch });

  it.each(audits.filter((a) => a.name.startsWith('MUST')).map((a) => [a.name, a] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect({ name: audit.name, status: result.status, reason: result.status === 'ok' ? undefined : result.reason }).toEqual({ name: audit.name, status: 'ok', reason: undefined });
  });

  it('answers every recommendation (SHOULD, MAY) without a server error', async () => {
    for (const audit of audits.filter((a) => !a.name.startsWith('MUST'))) {
      const result = await audit.fn();
      expect({ name: audit.name, status: result.status === 'error' ? 'error' : 'ok or warning' }).toEqual({ name: audit.name, status: 'ok or warning' });
    }
  });
});
