/** The services `npm start` runs, in start order. Later services append themselves here. */
export interface DevService {
  name: string;
  entry: string;
  port: number;
}

export const DEV_SERVICES: DevService[] = [
  { name: 'lead', entry: 'services/lead/src/main.ts', port: 3101 },
  { name: 'campaign', entry: 'services/campaign/src/main.ts', port: 3102 },
  { name: 'dialer', entry: 'services/dialer/src/main.ts', port: 3103 },
  { name: 'intelligence', entry: 'services/intelligence/src/main.ts', port: 3104 },
  { name: 'notification', entry: 'services/notification/src/main.ts', port: 3105 },
  // The gateway serves ops endpoints on its API port.
  { name: 'gateway', entry: 'services/gateway/src/main.ts', port: 8080 },
];

export { DEMO_TENANT_ID } from '../../services/gateway/src/tenants/demo-tenant';
