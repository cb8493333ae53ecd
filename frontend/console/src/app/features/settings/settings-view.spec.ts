import type { User } from '../../core/api/api.types';
import { e164Problem, formToPreferences, matchZones, normalizeE164, preferencesToForm, sortUsers, userActions, zoneOffset, SMS_PATTERN, type NotificationPreferences } from './settings-view';

describe('settings: time zones', () => {
  it.each([
    ['Asia/Kolkata', 'UTC+05:30'],
    ['UTC', 'UTC'],
    ['Not/AZone', ''],
  ])('zoneOffset(%s) = %s', (zone, offset) => {
    expect(zoneOffset(zone, new Date('2026-01-15T12:00:00Z'))).toBe(offset);
  });

  const all = ['America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Europe/London', 'America/Kentucky/Louisville'];
  it.each([
    ['kol', ['Asia/Kolkata']],
    ['k', ['Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York', 'America/Kentucky/Louisville']],
    ['new york', ['America/New_York']],
    ['asia', ['Asia/Kolkata', 'Asia/Kathmandu']],
    ['', all],
  ])('matchZones(%p)', (q, zones) => {
    expect(matchZones(all, q)).toEqual(zones);
  });
});

describe('settings: phone numbers', () => {
  it.each([
    ['+91 22 5000 1234', '+912250001234', null],
    ['+1 (415) 555-0100', '+14155550100', null],
    ['022 5000 1234', '02250001234', 'must be an E.164 number such as +912250001234'],
    ['+0123456789', '+0123456789', 'must be an E.164 number such as +912250001234'],
    ['', '', null],
  ])('%p → %p', (text, normalized, problem) => {
    expect(normalizeE164(text)).toBe(normalized);
    expect(e164Problem(text)).toBe(problem);
  });

  it('an SMS number follows the notification service’s rule', () => {
    expect(e164Problem('+91 98200 12345', SMS_PATTERN)).toBeNull();
    expect(e164Problem('+91 123', SMS_PATTERN)).not.toBeNull();
  });
});

describe('settings: notification preferences', () => {
  const prefs: NotificationPreferences = { channels: { in_app: true, email: true, sms: false }, quietHours: null, minPriority: 'medium', email: null, phone: null };

  it('round-trips through the form', () => {
    expect(formToPreferences(preferencesToForm(prefs, 'Asia/Kolkata'))).toEqual(prefs);
    const quiet = { ...prefs, quietHours: { start: '22:00', end: '07:30', timeZone: 'Asia/Dubai' }, email: 'a@b.in', phone: '+919820012345' };
    expect(formToPreferences(preferencesToForm(quiet, 'Asia/Kolkata'))).toEqual(quiet);
  });

  it('quiet hours start from the evening in the user’s zone; a typed phone loses its spaces', () => {
    const f = preferencesToForm(prefs, 'Asia/Kolkata');
    expect(f).toMatchObject({ quiet: false, quietStart: '21:00', quietEnd: '08:00', quietZone: 'Asia/Kolkata' });
    expect(formToPreferences({ ...f, quiet: true, sms: true, phone: '+91 98200 12345', emailAddress: '  ' })).toMatchObject({
      quietHours: { start: '21:00', end: '08:00', timeZone: 'Asia/Kolkata' },
      channels: { sms: true },
      phone: '+919820012345',
      email: null,
    });
  });
});

describe('settings: users', () => {
  const user = (over: Partial<User>): User => ({ id: 'u', tenantId: 't', email: 'u@x.in', role: 'agent', fullName: 'U', timeZone: 'Asia/Kolkata', preferences: {}, lastLoginAt: null, disabled: false, createdAt: '2026-01-01T00:00:00Z', ...over });

  it.each([
    ['oneself', user({ id: 'me' }), { changeRole: false, disable: false, enable: false }],
    ['an active colleague', user({}), { changeRole: true, disable: true, enable: false }],
    ['a disabled colleague', user({ disabled: true }), { changeRole: true, disable: false, enable: true }],
  ])('%s', (_what, u, actions) => {
    expect(userActions(u, { id: 'me' })).toEqual(actions);
  });

  it('active first, by name; search over name and email', () => {
    const users = [user({ id: '1', fullName: 'Zoya', disabled: true }), user({ id: '2', fullName: 'Rohan', email: 'rohan@x.in' }), user({ id: '3', fullName: 'Asha' })];
    expect(sortUsers(users).map((u) => u.id)).toEqual(['3', '2', '1']);
    expect(sortUsers(users, 'ROHAN@').map((u) => u.id)).toEqual(['2']);
  });
});
