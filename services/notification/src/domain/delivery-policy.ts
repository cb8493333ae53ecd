import type { NotificationChannel, NotificationPreferences, NotificationPriority } from '@soraaya/contracts';
import { localParts } from '@soraaya/service-kit';

const RANK: Record<NotificationPriority, number> = { high: 3, medium: 2, low: 1 };

export type DeliveryPlan = { channel: NotificationChannel; notBefore: Date } | { channel: NotificationChannel; skip: string };

/** Minutes until quiet hours end, or 0 when they are not on now. Handles windows across midnight (22:00–07:00). */
export function minutesUntilQuietEnds(at: Date, quiet: NonNullable<NotificationPreferences['quietHours']>): number {
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  const clock = localParts(at, quiet.timeZone);
  const now = clock.hour * 60 + clock.minute;
  const start = toMin(quiet.start);
  const end = toMin(quiet.end);
  const inside = start <= end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return 0;
  return (end - now + 1440) % 1440;
}

/**
 * Which channels a notification goes out on for one user, and when: in-app
 * always and at once; email and SMS only when the user has them on, has the
 * address, and the priority reaches their minimum; held until quiet hours end.
 */
export function planDeliveries(prefs: NotificationPreferences, priority: NotificationPriority, now: Date): DeliveryPlan[] {
  const plans: DeliveryPlan[] = [];
  if (prefs.channels.in_app) plans.push({ channel: 'in_app', notBefore: now });
  for (const channel of ['email', 'sms'] as const) {
    if (!prefs.channels[channel]) continue;
    if ((channel === 'email' ? prefs.email : prefs.phone) === null) {
      plans.push({ channel, skip: `no ${channel === 'email' ? 'email address' : 'phone number'} in the preferences` });
      continue;
    }
    if (RANK[priority] < RANK[prefs.minPriority]) {
      plans.push({ channel, skip: `${priority} is below the ${prefs.minPriority} minimum` });
      continue;
    }
    const wait = prefs.quietHours ? minutesUntilQuietEnds(now, prefs.quietHours) : 0;
    plans.push({ channel, notBefore: new Date(now.getTime() + wait * 60_000) });
  }
  return plans;
}

/** Backoff before delivery attempt n+1: 5 s, 10 s, 20 s ... capped at 10 minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5000 * 2 ** (attempt - 1), 600_000);
}
