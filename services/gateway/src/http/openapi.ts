import { errorBodySchema } from '@soraaya/contracts';
import { z } from 'zod';
import type { RegisteredRoute } from './api-route';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (!schema || !(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    in: location,
    required: location === 'path' || !field.safeParse(undefined).success,
    schema: jsonSchema(field, 'input'),
  }));
}

/** A download: text as a string, anything else (a PDF) as binary; with the headers that describe it. */
function rawResponse(contentType: string, description = 'OK', headers: Record<string, string> = {}): JsonSchema {
  return {
    description,
    content: { [contentType]: { schema: contentType.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' } } },
    ...(Object.keys(headers).length ? { headers: Object.fromEntries(Object.entries(headers).map(([name, d]) => [name, { description: d, schema: { type: 'string' } }])) } : {}),
  };
}

/**
 * The OpenAPI 3.1 document, generated from the very zod schemas that validate
 * each route, so the docs cannot drift from what the API accepts.
 */
export function buildOpenApiDocument(routes: RegisteredRoute[], info: { title: string; version: string }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const errorResponse = { description: 'Error', content: { 'application/json': { schema: { type: 'object', properties: { error: jsonSchema(errorBodySchema.omit({ status: true }), 'output') } } } } };
  for (const { spec } of routes) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const op: JsonSchema = {
      summary: spec.summary,
      tags: [spec.tag],
      operationId: `${spec.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
      responses: {
        [String(spec.status ?? 200)]: spec.raw?.responseContentType
          ? rawResponse(spec.raw.responseContentType, spec.raw.responseDescription, spec.raw.responseHeaders)
          : spec.response
            ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } }
            : { description: 'No content' },
        default: errorResponse,
      },
      ...(spec.access === 'public' ? { security: [] } : {}),
    };
    if (spec.raw?.requestContentType) {
      op.requestBody = { required: true, content: { [spec.raw.requestContentType]: { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, mapping: { type: 'string', description: 'JSON object: lead field → CSV column' } } } } } };
    } else if (spec.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } };
    }
    (paths[path] ??= {})[spec.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Soraaya API. Authenticate with POST /api/v1/auth/login, then send `Authorization: Bearer <accessToken>`.' },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearerAuth: [] }],
    paths,
  };
}
