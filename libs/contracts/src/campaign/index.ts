export * from './campaign.model';
export * from './persona.model';
export * from './property.model';
export * from './campaign.events.v1';
export * from './campaign.endpoints.v1';
export * from './voice-assistant';
