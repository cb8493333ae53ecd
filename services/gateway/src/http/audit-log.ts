import { uuid7, withTenant, type Logger } from '@soraaya/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import type { AccessClaims } from '../auth/jwt';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Records every write made through the API (who, tenant, what, target, outcome,
 * ip, request id) after the response. Reads are not audited; failed auth is in
 * the logs, not here (there is no tenant to file it under).
 */
export function auditWrites(ds: DataSource, logger: Logger) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const auth = (req as FastifyRequest & { auth?: AccessClaims }).auth;
    if (!auth || !WRITES.has(req.method) || !req.url.startsWith('/api/')) return;
    const route = req.routeOptions.url ?? req.url;
    const target = (req.params as Record<string, string> | undefined)?.id ?? (req.params as Record<string, string> | undefined)?.phone ?? null;
    try {
      await withTenant(ds, auth.tid, (tx) =>
        tx.query(
          `insert into gateway.audit_log (id, tenant_id, user_id, user_email, action, target, status_code, ip, request_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [uuid7(), auth.tid, auth.sub, auth.email, `${req.method} ${route}`, target, reply.statusCode, req.ip, String(req.id)],
        ),
      );
    } catch (err) {
      logger.error({ err, route }, 'audit write failed');
    }
  };
}
