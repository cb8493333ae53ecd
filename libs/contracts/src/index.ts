export * from './streams';
export * from './envelope';
export * from './rpc';
export * from './lead';
