import { tenantUsersV1, type RequestMeta } from '@soraaya/contracts';
import type { RpcClient } from '@soraaya/service-kit';

export interface Recipient {
  id: string;
  /** The login email, used when the user has not set a notification email. */
  email: string;
}

const CACHE_MS = 30_000;

/**
 * Who receives a notification: its assignee, or the tenant's managers and
 * admins when nobody is assigned (and for escalations). Users live in the
 * gateway; their list is asked over NATS and kept briefly.
 */
export class RecipientDirectory {
  private readonly cache = new Map<string, { at: number; users: { id: string; email: string; role: string }[] }>();

  constructor(private readonly rpc: RpcClient) {}

  async managers(tenantId: string): Promise<Recipient[]> {
    return (await this.users(tenantId)).filter((u) => u.role !== 'agent').map(({ id, email }) => ({ id, email }));
  }

  async forAssignee(tenantId: string, assignedUserId: string | null): Promise<Recipient[]> {
    if (!assignedUserId) return this.managers(tenantId);
    const user = (await this.users(tenantId)).find((u) => u.id === assignedUserId);
    return user ? [{ id: user.id, email: user.email }] : this.managers(tenantId);
  }

  private async users(tenantId: string) {
    const hit = this.cache.get(tenantId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.users;
    const meta: RequestMeta = { tenantId, actor: { type: 'service', id: 'notification' }, correlationId: `recipients-${tenantId}` };
    const users = (await this.rpc.request(tenantUsersV1, meta, { roles: ['admin', 'manager', 'agent'] })).items;
    this.cache.set(tenantId, { at: Date.now(), users });
    return users;
  }
}
