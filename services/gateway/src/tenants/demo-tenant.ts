import { uuid7 } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import { generatePassword, hashPassword } from '../auth/password';

/** The demo tenant `npm start` seeds (leads are seeded into the same id by the lead service). */
export const DEMO_TENANT_ID = '0193a000-0000-7000-8000-00000000de70';

export interface DemoSeedResult {
  tenantCreated: boolean;
  adminEmail: string;
  /** Only when the admin was created by this call with a generated password: shown once, never stored. */
  generatedPassword: string | null;
  adminCreated: boolean;
}

/**
 * Creates the demo tenant and its admin on first start. The admin gets
 * SORAAYA_ADMIN_PASSWORD, or a random password returned here to print once.
 */
export async function seedDemoTenant(ds: DataSource, admin: { email: string; password?: string }): Promise<DemoSeedResult> {
  return ds.transaction(async (tx) => {
    const tenant: unknown[] = await tx.query(
      `insert into gateway.tenants (id, name, slug, default_region, time_zone) values ($1, 'Soraaya Demo Realty', 'demo', 'IN', 'Asia/Kolkata')
       on conflict (id) do nothing returning id`,
      [DEMO_TENANT_ID],
    );
    const email = admin.email.toLowerCase();
    const existing: unknown[] = await tx.query(`select 1 from gateway.users where email = $1`, [email]);
    if (existing.length) return { tenantCreated: tenant.length > 0, adminEmail: email, generatedPassword: null, adminCreated: false };
    const password = admin.password ?? generatePassword();
    await tx.query(
      `insert into gateway.users (id, tenant_id, email, password_hash, role, full_name) values ($1, $2, $3, $4, 'admin', 'Demo Admin')`,
      [uuid7(), DEMO_TENANT_ID, email, await hashPassword(password)],
    );
    return { tenantCreated: tenant.length > 0, adminEmail: email, generatedPassword: admin.password ? null : password, adminCreated: true };
  });
}
