import { gql } from '@lienket/testing';
import { GatewayProcess, startProductionGateway } from '../support/gateway-process';

// The gateway alone in production mode (subgraphs need not run: it loads the committed supergraph).
let gateway: GatewayProcess;
let url: string;

beforeAll(async () => {
  gateway = await startProductionGateway();
  url = gateway.url;
}, 30_000);
afterAll(() => gateway.stop());

describe('the gateway in production', () => {
  it('refuses introspection', async () => {
    const r = await gql(url, '{ __schema { types { name } } }');
    expect(r.errors?.[0].message).toMatch(/introspection is not allowed/i);
  });

  it('gives no field suggestions that would reveal the schema', async () => {
    const r = await gql(url, '{ provinc { code } }');
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});
