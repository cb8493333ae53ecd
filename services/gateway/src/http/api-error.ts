import { AppError, fieldIssues } from '@soraaya/service-kit';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';

/** Every error leaves as `{ "error": { "code", "message", "details" } }` with its status. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string, details?: unknown): FastifyReply {
  return reply.code(status).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

export function apiErrorHandler(err: FastifyError | AppError | ZodError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof AppError) return sendError(reply, err.status, err.code, err.message, err.details);
  if (err instanceof ZodError) return sendError(reply, 400, 'bad_request', 'Invalid request', { issues: fieldIssues(err) });
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'payload_too_large', 'Request body is larger than allowed');
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, 415, 'unsupported_media_type', `Content type ${req.headers['content-type'] ?? '(none)'} is not accepted here`);
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && /JSON/.test(fe.message))) {
    return sendError(reply, 400, 'bad_request', 'Body is not valid JSON');
  }
  if (fe.statusCode === 429) return sendError(reply, 429, 'too_many_requests', fe.message);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return sendError(reply, fe.statusCode, 'bad_request', fe.message);
  req.log.error({ err }, 'unhandled error');
  return sendError(reply, 500, 'internal', 'Internal error; it was logged with this request id');
}
