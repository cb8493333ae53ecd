export * from './test-infra';
export * from './midday-zone';
