import { RpcClient, Topology, loadConfig, uuid7 } from '@soraaya/service-kit';
import { createTestInfra, type TestInfra } from '@soraaya/service-kit/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { connect, type NatsConnection } from 'nats';
import { buildCampaignApp, type CampaignApp } from '../../services/campaign/src/app';
import { buildDialerApp, type DialerApp, type DialerAppOptions } from '../../services/dialer/src/app';
import { dialerConfigSchema } from '../../services/dialer/src/config';
import { campaignConfigSchema } from '../../services/campaign/src/config';
import { buildLeadApp, type LeadApp } from '../../services/lead/src/app';
import { leadConfigSchema } from '../../services/lead/src/config';
import { buildIntelligenceApp, type IntelligenceApp } from '../../services/intelligence/src/app';
import { intelligenceConfigSchema } from '../../services/intelligence/src/config';
import { buildNotificationApp, type NotificationApp, type NotificationAppOptions } from '../../services/notification/src/app';
import { notificationConfigSchema } from '../../services/notification/src/config';
import { buildGatewayApp, type GatewayApp } from '../../services/gateway/src/app';
import { hashPassword } from '../../services/gateway/src/auth/password';
import type { Role } from '../../services/gateway/src/auth/role-matrix';
import { gatewayConfigSchema } from '../../services/gateway/src/config';

/**
 * The gateway in front of a real lead service, on real Postgres, NATS and Redis,
 * in a database and stream prefix of the suite's own. Tests use `inject` for
 * most requests and real loopback HTTP where the transport matters.
 */
export interface TestPlatform {
  infra: TestInfra;
  gateway: GatewayApp;
  lead: LeadApp | null;
  campaign: CampaignApp | null;
  dialer: DialerApp | null;
  intelligence: IntelligenceApp | null;
  notification: NotificationApp | null;
  /** Base URL of the gateway when it listens on loopback (the dialer's simulator posts webhooks to it). */
  baseUrl: string | null;
  /** Starts (or restarts) a dialer against this platform. */
  startDialer(env?: Record<string, string>, opts?: DialerAppOptions): Promise<DialerApp>;
  http: FastifyInstance;
  nc: NatsConnection;
  topology: Topology;
  rpc: RpcClient;
  tenants: { a: string; b: string };
  users: Record<string, TestUser>;
  /** Creates a user in a tenant and logs them in. */
  user(tenant: 'a' | 'b', role: Role, label?: string): Promise<TestUser>;
  request(opts: { method: string; url: string; user?: TestUser; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  stop(): Promise<void>;
}

export interface TestUser {
  id: string;
  tenantId: string;
  email: string;
  password: string;
  role: Role;
  accessToken: string;
  refreshToken: string;
}

export async function startPlatform(label: string, env: Record<string, string> = {}, opts: { lead?: boolean; campaign?: boolean; intelligence?: boolean; notification?: NotificationAppOptions; listen?: boolean } = {}): Promise<TestPlatform> {
  const infra = await createTestInfra(label);
  const baseEnv: Record<string, string> = { ...infra.env, SILENT_SCAN_INTERVAL_SECONDS: '3600', SEED_DEMO_TENANT: 'false', ...env };
  const lead = opts.lead === false ? null : await buildLeadApp(loadConfig(leadConfigSchema, baseEnv), { jobs: false });
  const campaign = opts.campaign ? await buildCampaignApp(loadConfig(campaignConfigSchema, baseEnv)) : null;
  const intelligence = opts.intelligence ? await buildIntelligenceApp(loadConfig(intelligenceConfigSchema, baseEnv)) : null;
  const gateway = await buildGatewayApp(loadConfig(gatewayConfigSchema, baseEnv));
  const notification = opts.notification ? await buildNotificationApp(loadConfig(notificationConfigSchema, baseEnv), opts.notification) : null;
  let baseUrl: string | null = null;
  if (opts.listen) {
    await gateway.http.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(gateway.http.server.address() as { port: number }).port}`;
  }
  const nc = await connect({ servers: baseEnv.NATS_URL ?? infra.natsUrl, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
  const topology = new Topology(infra.natsPrefix);
  const tenants = { a: uuid7(), b: uuid7() };
  const ds = gateway.runtime.ds;
  for (const [key, id] of Object.entries(tenants)) {
    await ds.query(`insert into gateway.tenants (id, name, slug, default_region) values ($1, $2, $3, 'IN')`, [id, `Tenant ${key}`, `${key}-${id.slice(-6)}`]);
  }
  const passwordHash = await hashPassword('correct horse battery');
  const users: Record<string, TestUser> = {};
  const platform: TestPlatform = {
    infra,
    gateway,
    lead,
    campaign,
    dialer: null,
    intelligence,
    notification,
    baseUrl,
    async startDialer(dialerEnv = {}, dialerOpts = {}) {
      const config = loadConfig(dialerConfigSchema, { ...baseEnv, SIMULATOR_WEBHOOK_URL: `${baseUrl}/webhooks/vapi`, SIMULATOR_SPEED: '0', ...dialerEnv });
      platform.dialer = await buildDialerApp(config, dialerOpts);
      return platform.dialer;
    },
    http: gateway.http,
    nc,
    topology,
    rpc: new RpcClient(nc, topology),
    tenants,
    users,
    async user(tenant, role, name = `${tenant}-${role}`) {
      const id = uuid7();
      const email = `${name}.${id.slice(-8)}@example.in`;
      await ds.query(`insert into gateway.users (id, tenant_id, email, password_hash, role, full_name) values ($1, $2, $3, $4, $5, $6)`, [
        id,
        tenants[tenant],
        email,
        passwordHash,
        role,
        `${role} of ${tenant}`,
      ]);
      const res = await gateway.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'correct horse battery' } });
      if (res.statusCode !== 200) throw new Error(`login failed in test setup: ${res.body}`);
      const session = res.json<{ accessToken: string; refreshToken: string }>();
      const u: TestUser = { id, tenantId: tenants[tenant], email, password: 'correct horse battery', role, accessToken: session.accessToken, refreshToken: session.refreshToken };
      users[name] = u;
      return u;
    },
    request({ method, url, user, body, headers }) {
      return gateway.http.inject({
        method: method as 'GET',
        url,
        headers: { ...(user ? { authorization: `Bearer ${user.accessToken}` } : {}), ...headers },
        ...(body !== undefined ? { payload: body as string } : {}),
      });
    },
    async stop() {
      await platform.dialer?.stop();
      await gateway.stop();
      await notification?.stop();
      await intelligence?.stop();
      await campaign?.stop();
      await lead?.stop();
      await nc.close();
      await infra.destroy();
    },
  };
  return platform;
}
