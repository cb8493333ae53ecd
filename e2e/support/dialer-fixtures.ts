import { setTimeout as sleep } from 'node:timers/promises';
import { middayZone } from '@soraaya/service-kit/testing';
import type { TestPlatform, TestUser } from './platform';

/** Polls until `check` gives a truthy value (returned), or fails after `ms`. */
export async function until<T>(check: () => Promise<T | undefined | false | null>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await check();
    if (v) return v;
    await sleep(100);
  }
  throw new Error('condition not met in time');
}

/** `n` callable leads in one SQL statement (fast for the 1,000-lead runs), numbered from `startAt + 1` so phones never clash. */
export async function insertLeads(
  p: TestPlatform,
  tenantId: string,
  n: number,
  zone: string,
  startAt: number,
  label: string,
): Promise<void> {
  await p.gateway.runtime.ds.query(
    `insert into lead.leads (id, tenant_id, contact_person, phone_raw, phone_e164, status, priority, lead_source, time_zone, location, property_name)
     select gen_random_uuid(), $1, $5 || ' ' || g, '+9190' || lpad(g::text, 8, '0'), '+9190' || lpad(g::text, 8, '0'), 'to_call', 'medium', 'csv_import', $2, 'Worli, Mumbai', 'Lodha Park'
       from generate_series($3::int, $4::int) g`,
    [tenantId, zone, startAt + 1, startAt + n, label],
  );
  await p.gateway.runtime.ds.query(
    `insert into lead.lead_counts (tenant_id, status, priority, campaign_key, n) values ($1, 'to_call', 'medium', '00000000-0000-0000-0000-000000000000', $2)
     on conflict (tenant_id, status, priority, campaign_key) do update set n = lead.lead_counts.n + excluded.n`,
    [tenantId, n],
  );
}

/** Every weekday: the tests run on any day, and a Sunday must not leave a midday zone uncallable. */
export const EVERY_DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * A draft campaign with one persona over `leadCount` fresh leads, assigned through the gateway like a user would.
 * It calls every day of the week unless `policy.days` says otherwise (the product's default skips Sundays).
 */
export async function campaignWithLeads(
  p: TestPlatform,
  user: TestUser,
  name: string,
  leadCount: number,
  policy: Record<string, unknown>,
  startAt: number,
  zone = middayZone(),
) {
  const api = (method: string, url: string, body?: unknown) => p.request({ method, url, user, body });
  const label = `${name} lead`;
  await insertLeads(p, user.tenantId, leadCount, zone, startAt, label);
  const persona = (
    await api('POST', '/api/v1/agent-personas', {
      name: `${name} persona`,
      region: 'mumbai',
      voiceId: 'sim',
      firstMessage: 'Hello {{lead.first_name}}',
      scriptTemplate: 'Talk about {{property.name}}',
    })
  ).json();
  const campaign = (
    await api('POST', '/api/v1/campaigns', {
      name,
      personas: [{ personaId: persona.id, weight: 1 }],
      callingPolicy: { days: EVERY_DAY, windowStart: '09:00', windowEnd: '20:00', windowTimeZone: 'campaign', campaignTimeZone: zone, ...policy },
    })
  ).json();
  const assigned = (
    await api('POST', `/api/v1/campaigns/${campaign.id}/assign-leads`, { filters: { search: label.toLowerCase() } })
  ).json();
  return { campaign, persona, assigned };
}
