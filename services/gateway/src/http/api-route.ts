import type { RequestMeta } from '@soraaya/contracts';
import { AppError } from '@soraaya/service-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccessClaims } from '../auth/jwt';
import { can, type Permission } from '../auth/role-matrix';

export type Access = Permission | 'public' | 'authenticated';

export interface ApiContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  auth: AccessClaims;
  meta: RequestMeta;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface ApiRouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  status?: number;
  /** Not JSON (multipart upload, CSV or PDF download): validation and docs describe it by hand. */
  raw?: { requestContentType?: string; responseContentType?: string; responseDescription?: string; responseHeaders?: Record<string, string> };
  handler: (ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R> | void>;
}

export interface RegisteredRoute {
  spec: ApiRouteSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;
}

/** Looks up the tenant's settings for the request meta (region for phone numbers). */
export type MetaBuilder = (req: FastifyRequest, auth: AccessClaims) => Promise<RequestMeta>;

/**
 * Registers a route whose params, query and body are parsed by zod (a 400 names
 * each bad field), whose access is checked against the role matrix, and which
 * is recorded for the OpenAPI document built from the same schemas.
 */
export class ApiRoutes {
  readonly routes: RegisteredRoute[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly authenticate: (req: FastifyRequest) => AccessClaims,
    private readonly buildMeta: MetaBuilder,
  ) {}

  add<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(spec: ApiRouteSpec<P, Q, B, R>): void {
    this.routes.push({ spec } as unknown as RegisteredRoute);
    this.app.route({
      method: spec.method,
      url: spec.url,
      handler: async (req, reply) => {
        let auth = undefined as unknown as AccessClaims;
        let meta = undefined as unknown as RequestMeta;
        if (spec.access !== 'public') {
          auth = this.authenticate(req);
          if (spec.access !== 'authenticated' && !can(auth.role, spec.access)) {
            throw new AppError('forbidden', `Your role (${auth.role}) may not ${spec.summary.toLowerCase()}`);
          }
          meta = await this.buildMeta(req, auth);
        }
        const params = parsePart('path parameters', spec.params, req.params);
        const query = parsePart('query', spec.query, req.query);
        const body = spec.raw?.requestContentType ? undefined : parsePart('body', spec.body, req.body);
        const result = await spec.handler({ params, query, body, auth, meta, req, reply } as ApiContext<z.output<P>, z.output<Q>, z.output<B>>);
        if (reply.sent) return reply;
        return reply.code(spec.status ?? 200).send(result);
      },
    });
  }
}

function parsePart<S extends z.ZodType>(what: string, schema: S | undefined, value: unknown): z.output<S> | undefined {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: [what === 'body' ? 'body' : what === 'query' ? 'query' : 'path', ...i.path.map(String)].join('.'), message: i.message }));
  throw new AppError('bad_request', `Invalid ${what}: ${issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

/** Query-string helpers: comma lists and numbers arrive as strings. */
export const q = {
  list: <T extends z.ZodType>(item: T) =>
    z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(item) as unknown as z.ZodType<z.output<T>[], string[]>),
  int: () => z.coerce.number().int(),
};

/** `/:id` path parameters: a uuid and nothing else. */
export const idParams = z.object({ id: z.uuid() }).strict();
