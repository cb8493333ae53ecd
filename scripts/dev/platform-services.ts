/** The services `npm start` runs, in start order. Later services append themselves here. */
export interface DevService {
  name: string;
  entry: string;
  port: number;
}

export const DEV_SERVICES: DevService[] = [{ name: 'lead', entry: 'services/lead/src/main.ts', port: 3101 }];

/** The demo tenant seeded by `npm start` (the gateway's seed will own its users). */
export const DEMO_TENANT_ID = '0193a000-0000-7000-8000-00000000de70';
