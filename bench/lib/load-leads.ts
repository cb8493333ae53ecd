import { psql } from './bench-db';

/** Realistic spread: statuses weighted towards the queue, 20 campaigns, scores 0–100, six months of creation times. */
export function loadLeads(url: string, TENANT: string, LEADS: number): void {
  const statuses = `array['to_call','to_call','to_call','to_call','calling','in_call','qualified','not_interested','follow_up','follow_up','callback_requested','unresponsive','human_input_needed','human_follow_up','call_failed']`;
  const names = `array['Aarav Mehta','Priya Raghavan','Rohan Kapoor','Ananya Iyer','Vikram Shah','Meera Desai','Karan Malhotra','Sanjay Gupta','Neha Joshi','Divya Nair','Arjun Reddy','Kavya Menon']`;
  const places = `array['Worli, Mumbai','Bandra West, Mumbai','Hebbal, Bangalore','Kalyani Nagar, Pune','Golf Course Road, Gurugram','ECR, Chennai']`;
  const indexes = psql(url, `select string_agg(pg_get_indexdef(indexrelid), ';') from pg_index where indrelid = 'lead.leads'::regclass and not indisprimary`).trim();
  const names_ = psql(url, `select string_agg(indexrelid::regclass::text, ',') from pg_index where indrelid = 'lead.leads'::regclass and not indisprimary`).trim();
  psql(url, `drop index ${names_}`);
  psql(url, 'alter table lead.leads disable trigger user');
  const insert = (tenant: string, from: number, to: number) =>
    psql(
      url,
      `insert into lead.leads (id, tenant_id, contact_person, phone_raw, phone_e164, email, property_name, location, status, priority, lead_source, time_zone, score, campaign_id, created_at, updated_at, last_activity_at)
       select gen_random_uuid(), '${tenant}', (${names})[1 + g % 12] || ' ' || g, '+9198200' || lpad((g % 1000000)::text, 6, '0'), '+9198' || lpad(g::text, 8, '0'),
              'lead' || g || '@example.in', 'Lodha Altamount', (${places})[1 + g % 6], (${statuses})[1 + (g * 7) % 15], (array['high','medium','low'])[1 + g % 3],
              'csv_import', 'Asia/Kolkata', (g * 37) % 101, case when g % 21 = 0 then null else ('0193a000-0000-7000-8000-' || lpad((g % 20)::text, 12, '0'))::uuid end,
              now() - make_interval(secs => (g % 15552000)), now() - make_interval(secs => (g % 15552000)), now() - make_interval(secs => (g % 1555200))
         from generate_series(${from}, ${to}) g`,
    );
  insert(TENANT, 1, LEADS);
  for (let k = 0; k < 5; k++) insert(`0193a000-0000-7000-8000-0000000be7c${k + 1}`, LEADS + 1 + (k * LEADS) / 50, LEADS + ((k + 1) * LEADS) / 50);
  psql(url, indexes.split(';').join(';\n'));
  psql(url, 'alter table lead.leads enable trigger user');
  psql(
    url,
    `insert into lead.lead_counts (tenant_id, status, priority, campaign_key, n)
     select tenant_id, status, priority, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'), count(*) from lead.leads where deleted_at is null group by 1, 2, 3, 4`,
  );
  psql(url, 'vacuum analyze lead.leads');
}

