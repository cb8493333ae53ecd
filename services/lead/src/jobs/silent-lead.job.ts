import { leadSilentV1 } from '@soraaya/contracts';
import { buildEnvelope, enqueueEvents, uuid7, type Logger, type ServiceMetrics } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import { CLOSED_STATUSES } from '../queries/silent-leads.query';

/**
 * Finds leads that went quiet and announces each once per silent spell
 * (`silent_notified_at` is reset by any later activity). Runs across tenants as
 * the schema owner; several replicas share the work via `skip locked`.
 */
export class SilentLeadJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly logger: Logger,
    private readonly metrics: ServiceMetrics,
    private readonly opts: { afterHours: number; intervalSeconds: number; batch?: number },
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.runOnce().catch((err: unknown) => this.logger.error({ err }, 'silent lead scan failed')).finally(() => (this.running = null));
    }, this.opts.intervalSeconds * 1000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many leads were announced. */
  async runOnce(now = new Date()): Promise<number> {
    return this.metrics.time('job', 'silent-leads', () =>
      this.ds.transaction(async (tx) => {
        const rows: { id: string; tenant_id: string; status: string; contact_person: string; last_activity_at: Date }[] = await tx.query(
          `select id, tenant_id, status, contact_person, last_activity_at from lead.leads
            where deleted_at is null and last_activity_at < $1::timestamptz - make_interval(hours => $2)
              and status <> all($3::text[]) and (silent_notified_at is null or silent_notified_at < last_activity_at)
            order by last_activity_at limit $4 for update skip locked`,
          [now.toISOString(), this.opts.afterHours, CLOSED_STATUSES, this.opts.batch ?? 1000],
        );
        if (!rows.length) return 0;
        await tx.query(`update lead.leads set silent_notified_at = $2 where id = any($1::uuid[])`, [rows.map((r) => r.id), now.toISOString()]);
        await enqueueEvents(
          tx,
          'lead',
          rows.map((r) => ({
            subject: leadSilentV1.subject,
            envelope: buildEnvelope(leadSilentV1, { tenantId: r.tenant_id, correlationId: `silent-scan-${uuid7()}` }, {
              leadId: r.id,
              status: r.status as never,
              contactPerson: r.contact_person,
              lastActivityAt: r.last_activity_at.toISOString(),
              silentForHours: Math.floor((now.getTime() - r.last_activity_at.getTime()) / 3_600_000),
            }),
          })),
        );
        this.logger.info({ count: rows.length }, 'silent leads announced');
        return rows.length;
      }),
    );
  }
}
