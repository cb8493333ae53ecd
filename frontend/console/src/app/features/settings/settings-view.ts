import type { NotificationPreferences } from '@soraaya/contracts';
import type { User } from '../../core/api/api.types';

/**
 * Settings' rules as plain functions (no Angular): time zones, notification
 * preferences to and from their form, phone numbers as the gateway takes
 * them, and what an admin may do to a user.
 */
export type { NotificationPreferences };
export type Role = User['role'];
export const ROLES: Role[] = ['admin', 'manager', 'agent'];

/** What each role may do, in words (services/gateway/src/auth/role-matrix.ts). */
export const ROLE_SUMMARIES: Record<Role, string> = {
  admin: 'Everything, including users, phone lines and the audit log',
  manager: 'Leads, imports, exports, do-not-call, campaigns, calling and insights',
  agent: 'Their own leads: read, notes and status; dashboards and notifications',
};

/** "Asia/Kolkata" → "UTC+05:30", at `at`. */
export function zoneOffset(zone: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
    const v = part?.value ?? '';
    return v === 'GMT' || v === 'GMT+00:00' ? 'UTC' : v.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

/** Zones matching what was typed (any part of the name, spaces for underscores), the user's own first; at most `limit`. */
export function matchZones(all: readonly string[], query: string, limit = 50): string[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '_');
  if (!q) return all.slice(0, limit);
  const starts: string[] = [];
  const contains: string[] = [];
  for (const z of all) {
    const l = z.toLowerCase();
    const city = l.slice(l.lastIndexOf('/') + 1);
    if (city.startsWith(q) || l.startsWith(q)) starts.push(z);
    else if (l.includes(q)) contains.push(z);
  }
  return [...starts, ...contains].slice(0, limit);
}

/** The phone number as the gateway stores a line's (phone-line.routes.ts): spaces, dashes and brackets dropped. */
export function normalizeE164(text: string): string {
  return text.trim().replace(/[\s()-]/g, '');
}

/** Null when it is an E.164 number; otherwise the problem, worded as the server does. */
export function e164Problem(text: string, pattern = /^\+[1-9]\d{6,14}$/): string | null {
  if (!text.trim()) return null;
  return pattern.test(normalizeE164(text)) ? null : 'must be an E.164 number such as +912250001234';
}
/** Notification SMS numbers: the notification service's own rule (8 to 15 digits). */
export const SMS_PATTERN = /^\+\d{8,15}$/;

export interface PreferencesForm {
  inApp: boolean;
  email: boolean;
  sms: boolean;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  quietZone: string;
  minPriority: NotificationPreferences['minPriority'];
  emailAddress: string;
  phone: string;
}

export function preferencesToForm(p: NotificationPreferences, userZone: string): PreferencesForm {
  return {
    inApp: p.channels.in_app,
    email: p.channels.email,
    sms: p.channels.sms,
    quiet: p.quietHours !== null,
    quietStart: p.quietHours?.start ?? '21:00',
    quietEnd: p.quietHours?.end ?? '08:00',
    quietZone: p.quietHours?.timeZone ?? userZone,
    minPriority: p.minPriority,
    emailAddress: p.email ?? '',
    phone: p.phone ?? '',
  };
}

export function formToPreferences(f: PreferencesForm): NotificationPreferences {
  return {
    channels: { in_app: f.inApp, email: f.email, sms: f.sms },
    quietHours: f.quiet ? { start: f.quietStart, end: f.quietEnd, timeZone: f.quietZone } : null,
    minPriority: f.minPriority,
    email: f.emailAddress.trim() || null,
    phone: f.phone.trim() ? normalizeE164(f.phone) : null,
  };
}

/** What an admin may change on a user's row: never their own role or access (the server refuses it too). */
export function userActions(user: Pick<User, 'id' | 'disabled'>, me: Pick<User, 'id'> | null): { changeRole: boolean; disable: boolean; enable: boolean } {
  const self = user.id === me?.id;
  return { changeRole: !self, disable: !self && !user.disabled, enable: !self && user.disabled };
}

/** Users to show: the search over name and email, then active before disabled, by name. */
export function sortUsers(users: readonly User[], search = ''): User[] {
  const q = search.trim().toLowerCase();
  return users
    .filter((u) => !q || `${u.fullName} ${u.email}`.toLowerCase().includes(q))
    .sort((a, b) => Number(a.disabled) - Number(b.disabled) || a.fullName.localeCompare(b.fullName));
}
