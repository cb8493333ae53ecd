import { tenantUsersV1 } from '@soraaya/contracts';
import { endpoint, type EndpointRegistration } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';

/** What the gateway answers other services over NATS: it owns users, so it says who they are. */
export function gatewayEndpoints(ds: DataSource): EndpointRegistration[] {
  return [
    endpoint(tenantUsersV1, async (d, { meta }) => {
      const rows: { id: string; email: string; full_name: string; role: 'admin' | 'manager' | 'agent' }[] = await ds.query(
        `select id, email, full_name, role from gateway.users where tenant_id = $1 and role = any($2) and disabled_at is null order by full_name`,
        [meta.tenantId, d.roles],
      );
      return { items: rows.map((r) => ({ id: r.id, email: r.email, fullName: r.full_name, role: r.role })) };
    }),
  ];
}
