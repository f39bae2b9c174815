import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLNamedType, isInputObjectType, isObjectType, isEnumType } from 'graphql';

// The public contract (copied from shared/api/contract.graphql) against the composed API schema:
// every name that exists must keep its type (nullability included); what is missing must be on the
// list of fields that later issues bring. Shrinking that list is how progress shows.
const schemaDir = join(__dirname, '..', '..', 'schema');
const contract = buildSchema(readFileSync(join(schemaDir, 'contract.graphql'), 'utf8'));
const api = buildSchema(readFileSync(join(schemaDir, 'api.graphql'), 'utf8'));

const NOT_YET: Record<string, string[] | 'all'> = {
  ProcurementNeed: ['matches', 'consortiumSuggestions'],
  NeedFilter: [],
  Query: ['recommendedNeeds'],
  Mutation: [
    'payDeposit',
  ],
  ...Object.fromEntries(
    ['MatchReason', 'Match', 'MatchEdge', 'MatchConnection', 'SupplierGroup'].map((t) => [t, 'all' as const]),
  ),
};

const userTypes = (s: typeof contract) =>
  Object.values(s.getTypeMap()).filter((t) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name));

describe('the composed API keeps the contract', () => {
  it.each(userTypes(contract).map((t) => [t.name, t] as [string, GraphQLNamedType]))('%s', (name, expected) => {
    const pending = NOT_YET[name];
    const actual = api.getType(name);
    if (pending === 'all') return expect(actual === undefined || actual.constructor === expected.constructor).toBe(true);
    expect(actual?.constructor.name).toBe(expected.constructor.name);
    if (isObjectType(expected) || isInputObjectType(expected)) {
      const fields = (actual as typeof expected).getFields() as Record<string, { type: unknown; args?: { name: string; type: unknown }[] }>;
      for (const [fieldName, field] of Object.entries(expected.getFields())) {
        if (pending?.includes(fieldName)) continue;
        expect([fieldName, String(fields[fieldName]?.type)]).toEqual([fieldName, String(field.type)]);
        for (const arg of 'args' in field ? field.args : []) {
          expect([fieldName, arg.name, String(fields[fieldName].args?.find((a) => a.name === arg.name)?.type)]).toEqual([fieldName, arg.name, String(arg.type)]);
        }
      }
    }
    if (isEnumType(expected)) {
      expect(isEnumType(actual) && actual.getValues().map((v) => v.name)).toEqual(expected.getValues().map((v) => v.name));
    }
  });
});
