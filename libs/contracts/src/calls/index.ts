export * from './call.model';
export * from './call-started.v1';
export * from './call-ended.v1';
export * from './call-status-changed.v1';
export * from './intel-call-analyzed.v1';
export * from './dialer.events.v1';
export * from './dialer.endpoints.v1';
