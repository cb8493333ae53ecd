import { AppError } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';

export interface Tenant {
  id: string;
  name: string;
  slug: string;
  defaultRegion: string;
  timeZone: string;
}

/** Tenant settings every request needs (phone region), cached briefly so a request costs no extra query. */
export class TenantDirectory {
  private readonly cache = new Map<string, { tenant: Tenant; until: number }>();

  constructor(
    private readonly ds: DataSource,
    private readonly ttlMs = 30_000,
  ) {}

  async get(id: string): Promise<Tenant> {
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return hit.tenant;
    const rows: { id: string; name: string; slug: string; default_region: string; time_zone: string }[] = await this.ds.query(
      `select id, name, slug, default_region, time_zone from gateway.tenants where id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) throw new AppError('unauthorized', 'Your organisation no longer exists');
    const tenant = { id: r.id, name: r.name, slug: r.slug, defaultRegion: r.default_region, timeZone: r.time_zone };
    this.cache.set(id, { tenant, until: Date.now() + this.ttlMs });
    return tenant;
  }
}
