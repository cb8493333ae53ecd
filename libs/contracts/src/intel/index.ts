export * from './analysis.model';
export * from './intel.events.v1';
export * from './intel.endpoints.v1';
export * from './intel.stats.v1';
