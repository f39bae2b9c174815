import type { CodegenConfig } from '@graphql-codegen/cli';

// Paths are relative to the repo root: run `npx graphql-codegen --config apps/web/codegen.ts`.
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: {
        // Pages read their own query results; masking would only add indirection here.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Decimal must stay a string: VND amounts exceed 2^31 and floats would corrupt them.
        scalars: {
          DateTime: 'string',
          Date: 'string',
          Decimal: 'string',
        },
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
