import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import { OBJECT_BUCKETS, type StreamName } from '@soraaya/contracts';
import { AppError, ObjectFiles, RpcClient, createRuntime, instrumentHttp, registerOpsRoutes, startRpcService, uuid7, type ServiceRuntime, type ServiceDatabase } from '@soraaya/service-kit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AuthService } from './auth/auth.service';
import { JwtSigner, type AccessClaims } from './auth/jwt';
import { LoginThrottle } from './auth/login-throttle';
import type { GatewayConfig } from './config';
import { GATEWAY_MIGRATIONS } from './db/migrations';
import { apiErrorHandler } from './http/api-error';
import { ApiRoutes } from './http/api-route';
import { auditWrites } from './http/audit-log';
import { buildOpenApiDocument } from './http/openapi';
import { DashboardCache } from './dashboard/dashboard-cache';
import { DashboardQueries } from './dashboard/dashboard-queries';
import { ReportQueries } from './reports/report-queries';
import { LiveFeed } from './live/live-feed';
import { registerAuthRoutes } from './routes/auth.routes';
import { registerCallingRoutes } from './routes/calling.routes';
import { registerIntelligenceRoutes } from './routes/intelligence.routes';
import { registerNotificationRoutes } from './routes/notification.routes';
import { gatewayEndpoints } from './rpc/gateway.endpoints';
import { registerCampaignRoutes } from './routes/campaign.routes';
import { registerDashboardRoutes } from './routes/dashboard.routes';
import { registerDncRoutes } from './routes/dnc.routes';
import { registerImportExportRoutes } from './routes/import-export.routes';
import { registerLeadRoutes } from './routes/lead.routes';
import { registerPhoneLineRoutes } from './routes/phone-line.routes';
import { registerReportRoutes } from './routes/report.routes';
import { registerUserRoutes } from './routes/user.routes';
import { PhoneLineDirectory } from './tenants/phone-lines';
import { TenantDirectory } from './tenants/tenant-directory';
import { registerWebhookRoutes } from './webhooks/webhook.routes';

export const SERVICE_NAME = 'gateway';
export const SERVICE_VERSION = '0.1.0';
/** The gateway schema and its migrations: applied at start (RUN_MIGRATIONS) or by `main.js migrate`, the chart's migration Job. */
export const GATEWAY_DATABASE: ServiceDatabase = { schema: 'gateway', migrations: GATEWAY_MIGRATIONS };

/** The gateway ensures every stream: it feeds the live view from all of them and writes webhooks. */
const ALL_STREAMS: StreamName[] = ['LEADS', 'CAMPAIGNS', 'CALLS', 'INTEL', 'NOTIFICATIONS', 'WEBHOOKS'];

export interface GatewayApp {
  runtime: ServiceRuntime;
  http: FastifyInstance;
  auth: AuthService;
  jwt: JwtSigner;
  live: LiveFeed;
  stop(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AccessClaims;
  }
}

/**
 * The only door: REST API over NATS, auth and roles, webhook ingress, the live
 * feed, docs, ops endpoints and (in production) the console build. Built
 * without listening so tests can use `inject`.
 */
export async function buildGatewayApp(config: GatewayConfig): Promise<GatewayApp> {
  const runtime = await createRuntime({
    name: SERVICE_NAME,
    version: SERVICE_VERSION,
    config,
    ...GATEWAY_DATABASE,
    streams: ALL_STREAMS,
    runMigrations: config.RUN_MIGRATIONS,
  });
  const { ds, js, nc, topology, logger, metrics, shutdown, redis } = runtime;
  try {
    const rpc = new RpcClient(nc, topology, config.SERVICE_TIMEOUT_MS);
    // Other services ask the gateway who a tenant's users are (it owns them).
    const usersService = await startRpcService(nc, topology, logger, metrics, { name: SERVICE_NAME, version: SERVICE_VERSION, description: 'Users of a tenant', endpoints: gatewayEndpoints(ds) });
    shutdown.add('rpc service', () => usersService.stop());
    const jwt = new JwtSigner(config.JWT_SECRET, config.ACCESS_TOKEN_TTL_SECONDS);
    const keyPrefix = config.NATS_PREFIX ? `${config.NATS_PREFIX}:` : 'soraaya:';
    const throttle = new LoginThrottle(redis, keyPrefix, {
      perAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perIp: config.LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: config.LOGIN_LOCK_SECONDS,
    });
    const auth = new AuthService(ds, jwt, throttle, config.REFRESH_TOKEN_TTL_DAYS);
    const tenants = new TenantDirectory(ds);
    const files = new ObjectFiles(js, topology, OBJECT_BUCKETS.LEAD_IMPORTS, { replicas: config.NATS_STREAM_REPLICAS });

    const http = Fastify({
      logger: false,
      bodyLimit: config.BODY_LIMIT_BYTES,
      trustProxy: true,
      genReqId: (req) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && /^[\w.-]{8,100}$/.test(given) ? given : uuid7();
      },
    });
    instrumentHttp(http, { metrics, service: SERVICE_NAME }); // first, so every route gets RED metrics and a span
    http.addHook('onRequest', async (req, reply) => {
      reply.header('x-request-id', String(req.id));
    });
    http.setErrorHandler(apiErrorHandler);
    http.setNotFoundHandler((req, reply) => reply.code(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } }));

    await http.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          fontSrc: ["'self'", 'data:'],
        },
      },
    });
    await http.register(cors, { origin: config.CORS_ORIGINS, credentials: true, exposedHeaders: ['x-request-id', 'retry-after', 'content-disposition'] });
    await http.register(cookie);
    await http.register(multipart);
    await http.register(websocket, { options: { maxPayload: 64 * 1024 } });

    const authenticate = (req: FastifyRequest): AccessClaims => {
      if (req.auth) return req.auth;
      const header = req.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
      if (!token) throw new AppError('unauthorized', 'Log in first: send Authorization: Bearer <accessToken>');
      const claims = jwt.verify(token);
      if (!claims) throw new AppError('unauthorized', 'Access token is invalid or expired; refresh it or log in again');
      req.auth = claims;
      return claims;
    };

    // Rate limits per user (per IP before login), counted in Redis so every replica shares them.
    await http.register(rateLimit, {
      global: true,
      max: config.RATE_LIMIT_PER_MINUTE,
      timeWindow: 60_000,
      redis,
      nameSpace: `${keyPrefix}rl:`,
      allowList: (req) => req.url.startsWith('/webhooks/') || req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics',
      keyGenerator: (req) => {
        const header = req.headers.authorization;
        const claims = header?.startsWith('Bearer ') ? jwt.verify(header.slice(7)) : null;
        if (claims) req.auth = claims; // verified once per request: authenticate() reuses it
        return claims ? `u:${claims.tid}:${claims.sub}` : `ip:${req.ip}`;
      },
      errorResponseBuilder: (_req, ctx) => ({ error: { code: 'too_many_requests', message: `Rate limit of ${ctx.max} requests per minute reached; retry in ${Math.ceil(ctx.ttl / 1000)} s` }, statusCode: 429 }),
    });

    const api = new ApiRoutes(http, authenticate, async (req, claims) => {
      const tenant = await tenants.get(claims.tid);
      return { tenantId: claims.tid, actor: { type: 'user', id: claims.sub, role: claims.role, name: claims.name }, correlationId: String(req.id), region: tenant.defaultRegion };
    });
    registerAuthRoutes(api, { auth, ds, secureCookies: config.NODE_ENV === 'production' });
    registerLeadRoutes(api, rpc);
    registerImportExportRoutes(api, rpc, files, config.IMPORT_MAX_BYTES);
    registerDncRoutes(api, rpc);
    registerCampaignRoutes(api, rpc);
    registerCallingRoutes(api, rpc);
    registerIntelligenceRoutes(api, rpc);
    registerNotificationRoutes(api, rpc);
    const dashboardCache = new DashboardCache(redis, keyPrefix, config.DASHBOARD_CACHE_SECONDS, logger);
    shutdown.add('dashboard cache', async () => dashboardCache.stop());
    registerDashboardRoutes(api, { queries: new DashboardQueries(rpc, config.DASHBOARD_SERVICE_TIMEOUT_MS, logger), cache: dashboardCache });
    registerReportRoutes(api, { queries: new ReportQueries(rpc, config.REPORT_SERVICE_TIMEOUT_MS, logger), tenants });
    registerUserRoutes(api, { ds, auth });
    const phoneLines = new PhoneLineDirectory(ds);
    registerPhoneLineRoutes(api, { ds, lines: phoneLines });
    http.addHook('onResponse', auditWrites(ds, logger));

    const live = new LiveFeed(js, topology, logger, metrics);
    live.onEvent((e) => dashboardCache.touch(e.tenantId));
    await live.start();
    shutdown.add('live feed', () => live.stop());
    http.get('/api/v1/live', { websocket: true }, (socket, req) => {
      const token = (req.query as { token?: string }).token ?? req.headers.authorization?.replace(/^Bearer /, '');
      const claims = token ? jwt.verify(token) : null;
      if (!claims) {
        socket.close(4401, 'Log in first: connect with ?token=<accessToken>');
        return;
      }
      live.attach(socket, claims);
    });

    await registerWebhookRoutes(http, {
      js,
      topology,
      rpc,
      logger,
      metrics,
      phoneLines,
      vapi: config.VAPI_WEBHOOK_SECRET
        ? config.VAPI_WEBHOOK_AUTH === 'hmac'
          ? { mode: 'hmac', secret: config.VAPI_WEBHOOK_SECRET, maxSkewSeconds: config.VAPI_HMAC_MAX_SKEW_SECONDS }
          : { mode: 'secret', secret: config.VAPI_WEBHOOK_SECRET, header: config.VAPI_SECRET_HEADER }
        : null,
      twilioAuthToken: config.TWILIO_AUTH_TOKEN ?? null,
      publicBaseUrl: config.PUBLIC_BASE_URL,
    });

    const openapi = buildOpenApiDocument(api.routes, { title: 'Soraaya API', version: SERVICE_VERSION });
    http.get('/api/openapi.json', async () => openapi);
    await http.register(swagger, { mode: 'static', specification: { document: openapi as never } });
    await http.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

    registerOpsRoutes(http, { metrics, checks: runtime.readinessChecks });

    const consoleDir = resolve(config.CONSOLE_DIST_DIR);
    if (existsSync(consoleDir)) {
      await http.register(fastifyStatic, { root: consoleDir, wildcard: false });
      // Client-side routes (/leads/123) get the app shell.
      http.get('/*', (req, reply) => (req.url.startsWith('/api/') ? reply.callNotFound() : reply.sendFile('index.html')));
    }

    shutdown.add('http', () => http.close());
    return { runtime, http, auth, jwt, live, stop: () => shutdown.run() };
  } catch (err) {
    await shutdown.run();
    throw err;
  }
}
