/**
 * One jest run over every lib and service. The console's components would need Angular's
 * own runner; its plain view logic (`*.spec.ts` files that import no Angular) runs here.
 * Integration suites use the real Postgres, NATS and Redis named by
 * DATABASE_URL / NATS_URL / REDIS_URL, each in its own database and stream prefix.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // e2e/: tests that run several services together (the gateway in front of the lead service...).
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/e2e', '<rootDir>/charts', '<rootDir>/frontend/console/src'],
  testMatch: ['**/test/**/*.test.ts', '**/e2e/**/*.test.ts', '**/frontend/console/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }],
    // ESM-only dependencies (cookie 2 via fastify's inject, content-disposition via @fastify/static) compiled to CommonJS for
    // jest's module loader, which cannot require() ES modules on Node 22.
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } }],
    // The OTLP exporter loads node:http with import() from CommonJS, which jest's VM cannot run: compiled to require().
    '^.+/@opentelemetry/otlp-exporter-base/.+\\.cjs$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } }],
  },
  // @fastify/cookie loads cookie with import(): compiling it to CommonJS turns that into require().
  transformIgnorePatterns: ['/node_modules/(?!(cookie|content-disposition|@fastify/cookie|@opentelemetry/otlp-exporter-base)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60_000,
  // Integration suites are mostly waiting on I/O; two workers keep a 2-core machine busy without thrashing.
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
};
