import { httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';
import { API_BASE_URL } from '../api/api-base-url.token';
import { expectObject } from '../api/api.types';
import { AuthStore } from './auth.store';

/** GET /api/v1/user/permissions (services/gateway/src/auth/role-matrix.ts decides). */
export interface MyPermissions {
  role: 'admin' | 'manager' | 'agent';
  permissions: { permission: string; scope: 'all' | 'own_leads' }[];
}

/**
 * What the signed-in user may do, as the gateway's role matrix says: pages show
 * controls only to those the server would let through. Until the answer comes
 * nothing is allowed (a control appearing late beats one that fails when pressed).
 */
@Injectable({ providedIn: 'root' })
export class PermissionsStore {
  private readonly base = inject(API_BASE_URL);
  private readonly auth = inject(AuthStore);
  // Logging out clears the request, so the next login in the same tab asks again.
  private readonly mine = httpResource<MyPermissions>(() => (this.auth.user() ? `${this.base}/user/permissions` : undefined), {
    parse: (v) => expectObject<MyPermissions>(v, 'role', 'permissions'),
  });
  /** The answer came (or failed: then nothing is allowed). */
  readonly ready = computed(() => this.mine.hasValue() || this.mine.error() !== undefined);
  private readonly granted = computed(() => new Set(this.mine.hasValue() ? this.mine.value().permissions.map((p) => p.permission) : []));

  can(permission: string): boolean {
    return this.granted().has(permission);
  }
}
