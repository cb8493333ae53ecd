import { exportLeadsPageV1, getLeadImportV1, importFieldSchema, leadImportSchema, startLeadImportV1 } from '@soraaya/contracts';
import { AppError, uuid7, type ObjectFiles, type RpcClient } from '@soraaya/service-kit';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { idParams, q, type ApiRoutes } from '../http/api-route';
import { filtersFromQuery, leadFilterQuery, scopeFilters } from './lead.routes';

const mappingSchema = z.partialRecord(importFieldSchema, z.string().min(1).max(200));

const tooLarge = (maxBytes: number) => new AppError('payload_too_large', `File is larger than ${Math.round(maxBytes / 1048576)} MB; split it into smaller files`);

export function registerImportExportRoutes(api: ApiRoutes, rpc: RpcClient, files: ObjectFiles, maxBytes: number): void {
  api.add({
    method: 'POST',
    url: '/api/v1/leads/import',
    summary: 'Import leads from a CSV file',
    tag: 'leads',
    access: 'leads:import',
    raw: { requestContentType: 'multipart/form-data' },
    response: leadImportSchema,
    status: 202,
    handler: async ({ req, meta }) => {
      if (!req.isMultipart()) throw new AppError('bad_request', 'Send the file as multipart/form-data with a "file" field');
      let upload: { objectName: string; fileName: string } | null = null;
      let mapping: z.infer<typeof mappingSchema> | undefined;
      try {
        for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 10_000 } })) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file') throw new AppError('bad_request', `Unexpected file field "${part.fieldname}"; send the CSV as "file"`);
            if (!/\.(csv|txt)$/i.test(part.filename) && !/csv|text\/plain|vnd\.ms-excel/.test(part.mimetype)) {
              throw new AppError('unsupported_media_type', `"${part.filename}" is not a CSV file; export the sheet as CSV (UTF-8) and upload that`);
            }
            const objectName = `${meta.tenantId}/${uuid7()}.csv`;
            upload = { objectName, fileName: part.filename.slice(0, 300) };
            await files.put(objectName, part.file);
            if (part.file.truncated) throw tooLarge(maxBytes);
          } else if (part.fieldname === 'mapping') {
            let json: unknown;
            try {
              json = JSON.parse(String(part.value));
            } catch {
              throw new AppError('bad_request', 'mapping must be a JSON object of lead field to CSV column');
            }
            const parsed = mappingSchema.safeParse(json);
            if (!parsed.success) throw new AppError('bad_request', `mapping: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
            mapping = parsed.data;
          }
        }
        if (!upload) throw new AppError('bad_request', 'No file: send the CSV in a multipart field named "file"');
        return await rpc.request(startLeadImportV1, meta, { ...upload, ...(mapping ? { mapping } : {}) });
      } catch (err) {
        if (upload) await files.delete(upload.objectName); // nothing half-stored
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
        throw err;
      }
    },
  });

  api.add({
    method: 'GET',
    url: '/api/v1/leads/imports/:id',
    summary: 'Status, counts and row issues of an import',
    tag: 'leads',
    access: 'leads:import',
    params: idParams,
    query: z.object({ issuesOffset: q.int().optional(), issuesLimit: q.int().optional() }).strict(),
    response: leadImportSchema,
    handler: ({ params, query, meta }) => rpc.request(getLeadImportV1, meta, { id: params.id, ...query }),
  });

  api.add({
    method: 'GET',
    url: '/api/v1/leads/export',
    summary: 'Download leads as CSV',
    tag: 'leads',
    access: 'leads:export',
    query: z.object({ ...leadFilterQuery, ids: q.list(z.uuid()).optional() }).strict(),
    raw: { responseContentType: 'text/csv' },
    handler: async ({ query, auth, meta, reply }) => {
      const filters = scopeFilters(auth, filtersFromQuery(query));
      // The first page is fetched before answering, so a bad filter still gets a JSON 400, not a broken download.
      const first = await rpc.request(exportLeadsPageV1, meta, { filters, ...(query.ids?.length ? { ids: query.ids } : {}) });
      async function* pages() {
        yield '\ufeff' + first.csv; // BOM: spreadsheets then read ₹ and names in any script correctly
        let cursor = first.nextCursor;
        while (cursor) {
          const page = await rpc.request(exportLeadsPageV1, meta, { filters, cursor, ...(query.ids?.length ? { ids: query.ids } : {}) });
          yield page.csv;
          cursor = page.nextCursor;
        }
      }
      const day = new Date().toISOString().slice(0, 10);
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="leads-${day}.csv"`);
      return reply.send(Readable.from(pages()));
    },
  });
}
