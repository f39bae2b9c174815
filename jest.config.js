// Jest runs TypeScript through SWC. NestJS 12 ships ESM only, which Jest's CommonJS runtime cannot
// require, so SWC also compiles node_modules/@nestjs to CommonJS (transformIgnorePatterns).
// Path aliases resolve through moduleNameMapper only: SWC rewriting them too would load a lib twice.
const { compilerOptions } = require('./tsconfig.json');

const paths = Object.fromEntries(Object.entries(compilerOptions.paths).map(([k, v]) => [k, v.map((p) => p.replace(/^\.\//, ''))]));
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper: {
    ...Object.fromEntries(Object.entries(paths).map(([k, [v]]) => [`^${k}$`, `<rootDir>/${v}`])),
    // Node16 resolution wants '.js' on relative dynamic imports; Jest should find the .ts beside it.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata', '<rootDir>/test/jest.env-config.ts'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/*/src/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      setupFiles: [...common.setupFiles, '<rootDir>/test/integration/worker-database.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/integration/timeout.ts'],
      // test/security/*.int-spec.ts: attacks and faults that need a database of their own per worker,
      // or throwaway PostgreSQL and Redis servers to restart (docs/security.md).
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts', '<rootDir>/test/security/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/test/e2e/timeout.ts'],
      // test/security: attacks and faults against the running stack (docs/security.md).
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/test/browser/**/*.browser-spec.ts', '<rootDir>/test/security/**/*.security-spec.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
  ],
};
