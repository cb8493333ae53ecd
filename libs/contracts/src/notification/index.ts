export * from './notification.model';
export * from './notification.events.v1';
export * from './notification.endpoints.v1';
