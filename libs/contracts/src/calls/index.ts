export * from './call-started.v1';
export * from './call-ended.v1';
export * from './intel-call-analyzed.v1';
