export * from './test-infra';
export * from './midday-zone';
export * from './in-memory-tracing';
