import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@soraaya/contracts';
import { minutesUntilQuietEnds, planDeliveries, retryDelayMs } from '../../src/domain/delivery-policy';

const prefs = (p: Partial<NotificationPreferences>): NotificationPreferences => ({ ...DEFAULT_NOTIFICATION_PREFERENCES, email: 'a@example.in', phone: '+919820012345', ...p });
const at = (iso: string) => new Date(iso);

describe('delivery policy', () => {
  it.each([
    ['22:00–07:00 IST at 23:30 IST', '2026-11-20T18:00:00Z', { start: '22:00', end: '07:00', timeZone: 'Asia/Kolkata' }, 450],
    ['22:00–07:00 IST at 06:59 IST', '2026-11-20T01:29:00Z', { start: '22:00', end: '07:00', timeZone: 'Asia/Kolkata' }, 1],
    ['22:00–07:00 IST at 12:00 IST', '2026-11-20T06:30:00Z', { start: '22:00', end: '07:00', timeZone: 'Asia/Kolkata' }, 0],
    ['13:00–14:00 London at 13:15 (GMT)', '2026-11-20T13:15:00Z', { start: '13:00', end: '14:00', timeZone: 'Europe/London' }, 45],
    ['13:00–14:00 London at 13:15 BST (12:15 UTC in June)', '2026-06-20T12:15:00Z', { start: '13:00', end: '14:00', timeZone: 'Europe/London' }, 45],
  ])('quiet hours %s', (_n, now, quiet, minutes) => {
    expect(minutesUntilQuietEnds(at(now), quiet)).toBe(minutes);
  });

  it.each<[string, Partial<NotificationPreferences>, 'high' | 'medium' | 'low', string[]]>([
    ['defaults: in-app and email', {}, 'medium', ['in_app@0', 'email@0']],
    ['sms on, high priority', { channels: { in_app: true, email: true, sms: true } }, 'high', ['in_app@0', 'email@0', 'sms@0']],
    ['low priority under a medium minimum', { channels: { in_app: true, email: true, sms: true } }, 'low', ['in_app@0', 'email:skip:low is below the medium minimum', 'sms:skip:low is below the medium minimum']],
    ['no email address', { email: null }, 'high', ['in_app@0', 'email:skip:no email address in the preferences']],
    ['in quiet hours: email waits, in-app does not', { quietHours: { start: '09:00', end: '18:00', timeZone: 'UTC' } }, 'high', ['in_app@0', 'email@480']],
    ['everything off', { channels: { in_app: false, email: false, sms: false } }, 'high', []],
  ])('%s', (_n, p, priority, expected) => {
    const now = at('2026-11-20T10:00:00Z');
    const plans = planDeliveries(prefs(p), priority, now).map((d) => ('skip' in d ? `${d.channel}:skip:${d.skip}` : `${d.channel}@${(d.notBefore.getTime() - now.getTime()) / 60_000}`));
    expect(plans).toEqual(expected);
  });

  it.each([
    [1, 5000],
    [2, 10_000],
    [5, 80_000],
    [20, 600_000],
  ])('retry %i waits %i ms', (attempt, ms) => expect(retryDelayMs(attempt)).toBe(ms));
});
