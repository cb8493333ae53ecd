/**
 * One jest run over every lib and service (the console brings its own runner).
 * Integration suites use the real Postgres, NATS and Redis named by
 * DATABASE_URL / NATS_URL / REDIS_URL, each in its own database and stream prefix.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/services'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }],
    // ESM-only dependencies (cookie 2, pulled in by fastify's inject) compiled to CommonJS for
    // jest's module loader, which cannot require() ES modules on Node 22.
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(cookie)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60_000,
  // Integration suites are mostly waiting on I/O; two workers keep a 2-core machine busy without thrashing.
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
};
