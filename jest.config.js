// ts-jest transpiles only (isolatedModules); `npm test` type-checks with tsc first.
const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
};

/**
 * Two projects: unit tests need no server; the rest (contract, integration, e2e) share one
 * redis-server that globalSetup starts only when a suite of that project runs.
 * @type {import('jest').Config}
 */
module.exports = {
  // Both cores of the CI machine (jest's default leaves one idle).
  maxWorkers: 2,
  // A global option: jest ignores it inside a project.
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/tests/unit'] },
    {
      ...shared,
      displayName: 'redis',
      roots: ['<rootDir>/tests'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/unit/'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
