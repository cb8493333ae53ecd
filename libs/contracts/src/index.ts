export * from './streams';
export * from './envelope';
export * from './rpc';
export * from './lead';
export * from './webhooks/webhook-delivery.v1';
export * from './campaign';
export * from './calls';
export * from './intel';
