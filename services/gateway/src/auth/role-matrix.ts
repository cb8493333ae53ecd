/**
 * Who may do what: the one place roles are decided. Routes name a permission;
 * the auth hook checks it. Agents hold some permissions only for leads assigned
 * to them (AGENT_OWN_LEADS_ONLY), which the lead routes enforce.
 */
export const ROLES = ['admin', 'manager', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_MATRIX = {
  'leads:read': ['admin', 'manager', 'agent'],
  'leads:write': ['admin', 'manager'],
  'leads:status': ['admin', 'manager', 'agent'],
  'leads:notes': ['admin', 'manager', 'agent'],
  'leads:import': ['admin', 'manager'],
  'leads:export': ['admin', 'manager'],
  'dnc:read': ['admin', 'manager'],
  'dnc:write': ['admin', 'manager'],
  'campaigns:read': ['admin', 'manager', 'agent'],
  'campaigns:write': ['admin', 'manager'],
  'calling:control': ['admin', 'manager'],
  'insights:read': ['admin', 'manager'],
  'dashboard:read': ['admin', 'manager', 'agent'],
  'reports:read': ['admin', 'manager'],
  'notifications:read': ['admin', 'manager', 'agent'],
  'notifications:manage': ['admin', 'manager'],
  'live:subscribe': ['admin', 'manager', 'agent'],
  'users:manage': ['admin'],
  'phone_lines:manage': ['admin'],
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ROLE_MATRIX;

/** Permissions an agent holds for their own leads only. */
export const AGENT_OWN_LEADS_ONLY: ReadonlySet<Permission> = new Set(['leads:read', 'leads:status', 'leads:notes']);

export function can(role: Role, permission: Permission): boolean {
  return (ROLE_MATRIX[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): { permission: Permission; scope: 'all' | 'own_leads' }[] {
  return (Object.keys(ROLE_MATRIX) as Permission[])
    .filter((p) => can(role, p))
    .map((permission) => ({ permission, scope: role === 'agent' && AGENT_OWN_LEADS_ONLY.has(permission) ? 'own_leads' : 'all' }));
}
