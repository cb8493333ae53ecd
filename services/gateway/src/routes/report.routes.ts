import { performanceReportSchema, refineReportPeriod, reportGroupingSchema, type PerformanceReport, type RequestMeta } from '@soraaya/contracts';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { ApiRoutes } from '../http/api-route';
import { reportCsvLines, reportFileName } from '../reports/report-csv';
import { reportLocale } from '../reports/report-format';
import { renderReportPdf } from '../reports/report-pdf';
import type { ReportQueries } from '../reports/report-queries';
import type { TenantDirectory } from '../tenants/tenant-directory';

const realDay = z.iso.date({ message: 'must be a real calendar date as YYYY-MM-DD' });
/** The report's query string; a 400 names the parameter at fault (`query.to` for a range the wrong way round or over 366 days). */
export const performanceQuery = z
  .object({ from: realDay, to: realDay, group_by: reportGroupingSchema.default('campaign'), campaign_id: z.uuid().optional() })
  .strict()
  .superRefine(refineReportPeriod);

const PARTIAL_HEADER = 'x-report-partial';
const downloadHeaders = {
  'content-disposition': 'attachment; filename="soraaya-performance-<from>-<to>-<group_by>.<ext>"',
  [PARTIAL_HEADER]: 'Services that did not answer in time (comma-separated), when figures are missing',
};

/** Performance over a custom range of the tenant's days, by campaign, persona or lead source: JSON, CSV and PDF. */
export function registerReportRoutes(api: ApiRoutes, deps: { queries: ReportQueries; tenants: TenantDirectory }): void {
  const { queries, tenants } = deps;
  const load = async (meta: RequestMeta, query: z.output<typeof performanceQuery>) => {
    const tenant = await tenants.get(meta.tenantId);
    const report = await queries.performance(meta, { from: query.from, to: query.to, groupBy: query.group_by, campaignId: query.campaign_id, timeZone: tenant.timeZone });
    return { tenant, report };
  };
  const download = (reply: FastifyReply, report: PerformanceReport, contentType: string, ext: 'csv' | 'pdf') => {
    reply.header('content-type', contentType).header('content-disposition', `attachment; filename="${reportFileName(report, ext)}"`);
    if (report.partial.length) reply.header(PARTIAL_HEADER, report.partial.join(','));
  };
  const common = { tag: 'reports', access: 'reports:read', query: performanceQuery } as const;

  api.add({
    ...common,
    method: 'GET',
    url: '/api/v1/reports/performance',
    summary: 'Read the performance report: leads, calls, qualification and cost per campaign, persona or lead source over a date range',
    response: performanceReportSchema,
    handler: async ({ query, meta }) => (await load(meta, query)).report,
  });
  api.add({
    ...common,
    method: 'GET',
    url: '/api/v1/reports/performance.csv',
    summary: 'Download the performance report as CSV (a line per group, then the totals; numbers unformatted)',
    raw: { responseContentType: 'text/csv', responseDescription: 'The report as CSV, header row first', responseHeaders: downloadHeaders },
    handler: async ({ query, meta, reply }) => {
      const { report } = await load(meta, query);
      download(reply, report, 'text/csv; charset=utf-8', 'csv');
      return reply.send(Readable.from(reportCsvLines(report)));
    },
  });
  api.add({
    ...common,
    method: 'GET',
    url: '/api/v1/reports/performance.pdf',
    summary: 'Download the performance report as PDF',
    raw: { responseContentType: 'application/pdf', responseDescription: 'The report as an A4 PDF', responseHeaders: downloadHeaders },
    handler: async ({ query, meta, reply }) => {
      const { tenant, report } = await load(meta, query);
      download(reply, report, 'application/pdf', 'pdf');
      return reply.send(renderReportPdf(report, { tenantName: tenant.name, locale: reportLocale(tenant.defaultRegion) }));
    },
  });
}
