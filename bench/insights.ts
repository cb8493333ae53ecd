/**
 * bench/insights: 100,000 analysed calls in one tenant (plus 20,000 in another),
 * spread over the last 30 days, each with its transcript row (and a third as many
 * unanswered calls without an analysis: no answer, busy, voicemail), then the
 * insights endpoints over NATS to the real intelligence service at 1 and 4 in
 * flight (CONCURRENCY=1,4). Each kind of request runs REQUESTS times on its own,
 * so its percentiles are its own; p50/p95/p99 are printed next to a bare NATS
 * request/reply round trip measured in the same run (the floor any endpoint sits
 * on). Client, service, NATS and Postgres share the machine's 2 cores.
 *
 * The calls are loaded with SQL, not through the consumer, so the service's
 * insight aggregates are then rebuilt from them (svc.intelligence.insights_rebuild.v1,
 * the same code the live path uses); the rebuild time is printed too.
 *
 *   npm run bench:insights     (CALLS=20000 REQUESTS=50 for a quicker run; BENCH_KEEP_DB=true to reuse the data)
 * Target: p95 under 200 ms for every kind.
 * (Before the aggregates, when every request scanned the analyses, a default run took ~50 minutes:
 * p95 0.5–2.5 s at 1 in flight.)
 */
import { conversationInsightsV1, rebuildInsightsV1, recommendationsV1, trendInsightsV1 } from '@soraaya/contracts';
import { RpcClient, Topology, uuid7 } from '@soraaya/service-kit';
import { connect } from 'nats';
import { buildService } from '../scripts/build-services';
import { createBenchDatabase, dropPrefixedStreams, psql } from './lib/bench-db';
import { Latencies, runConcurrently } from './lib/latency';
import { ServiceProcess } from './lib/service-process';

const CALLS = Number(process.env.CALLS ?? 100_000);
const REQUESTS = Number(process.env.REQUESTS ?? 300);
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const PORT = 3197;
const TARGET_P95_MS = 200;
const TENANT = '0193a000-0000-7000-8000-0000000be7d0';
const OTHER_TENANT = '0193a000-0000-7000-8000-0000000be7d1';
const CAMPAIGN = (n: number) => `0193a000-0000-7000-8000-0000000ca${String(n).padStart(3, '0')}`;

/** 12 luxury micro-markets: Mumbai, Pune, Bengaluru. */
const MICRO_MARKETS = ['Worli', 'Bandra', 'Lower Parel', 'Juhu', 'Powai', 'Malabar Hill', 'Koregaon Park', 'Kalyani Nagar', 'Baner', 'Koramangala', 'Indiranagar', 'Whitefield'];
const AMENITIES = ['sea view', 'clubhouse', 'gym', 'parking', 'private pool', 'terrace', 'high floor', 'servant room', 'security', 'vastu compliant'];
const QUOTES: Record<string, string[]> = {
  price: ["That's too expensive for us, honestly.", 'It is a bit steep at that price.', 'Bahut zyada hai, kuch kam ho sakta hai?', 'Out of our budget right now.'],
  location: ["It's too far from my office.", 'The commute from there would be too long.', "I don't like the area much."],
  timing: ['Not right now, maybe next year.', "We're not looking for a few months.", 'Call me after Diwali, abhi time nahi hai.'],
  trust: ["I don't trust builders after the last project.", 'Possession was delayed by three years last time.', 'Bharosa nahi hai in naye projects pe.'],
  already_bought: ['We already bought a flat in Powai last month.', 'Already booked elsewhere, thank you.'],
  not_decision_maker: ['My husband decides these things.', "You'll have to talk to my father about it."],
  other: ["Please don't call me again.", 'Remove my number from your list.'],
};
/** Canned turns a transcript is built from, so rows have a realistic width (turns are read by nothing here, but they sit in the heap). */
const TURNS = [
  'Hello, am I speaking with the owner of this number? This is Aisha calling from Lodha about the new launch.',
  'Yes, speaking. Which project is this about?',
  'It is a sea-facing tower in Worli with three and four bedroom residences, possession by December next year.',
  'Okay, what is the price range for the four bedroom units?',
  'The four bedroom residences start at around twelve crore, and the penthouses go up to forty crore.',
  'Hmm, we were looking at something around eight to ten crore, ideally ready to move.',
  'Understood. Is this for your own use or as an investment, and which areas are you considering?',
  'Own use. We like Bandra and Juhu but Worli could work if the commute to BKC is fine.',
  'The commute to BKC is about twenty minutes via the sea link. Would you like to see a sample flat this weekend?',
  'Maybe, let me check with my wife first. Can you send the brochure on WhatsApp?',
  'Of course, I will share the brochure and floor plans. When would be a good time to call back?',
  'Call me on Saturday morning, after ten.',
  'Will you be taking a home loan, or is it a self-funded purchase?',
  'We have a pre-approved loan from HDFC for about half the amount.',
  'That helps. Do you need parking for two cars and a servant room?',
  'Yes, two parking spots are a must, and a high floor if possible.',
  'Noted. The higher floors have a small premium, around two percent per floor band.',
  'That is fine. What about the maintenance charges?',
  'Maintenance is about fifteen rupees per square foot, including the clubhouse and gym.',
  'Okay. And is the project RERA registered? I have had bad experiences with delays.',
  'Yes, it is RERA registered and the structure is already up to the thirtieth floor.',
  'Good to know. Send me the details and we will talk on Saturday.',
  'Thank you for your time, I will send everything right away.',
  'Thanks, bye.',
];

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (xs: string[]) => `array[${xs.map(sqlText).join(',')}]`;

/**
 * Loads the calls with generate_series in one psql session (a staging table of
 * random draws, fixed seed, then both tables from it, written in time order as calls
 * arrive, the tenants interleaved), indexes built after the load.
 * Per tenant: `analysed` answered calls with an analysis and analysed / 3 unanswered
 * ones (so ~25% of calls), those bunched at lunchtime so answer rates differ by hour.
 */
export function loadCalls(url: string): void {
  const indexDefs = psql(url, `select string_agg(pg_get_indexdef(indexrelid), ';') from pg_index where indrelid in ('intel.transcripts'::regclass, 'intel.analyses'::regclass) and not indisprimary`).trim();
  const indexNames = psql(url, `select string_agg(indexrelid::regclass::text, ',') from pg_index where indrelid in ('intel.transcripts'::regclass, 'intel.analyses'::regclass) and not indisprimary`).trim();
  if (indexNames) psql(url, `drop index ${indexNames}`);
  const tenants = [
    { id: TENANT, analysed: CALLS },
    { id: OTHER_TENANT, analysed: Math.round(CALLS / 5) },
  ];
  const quoteRows = Object.entries(QUOTES).flatMap(([category, qs]) => qs.map((q, i) => `(${sqlText(category)}, ${i}, ${qs.length}, ${sqlText(q)})`));
  psql(
    url,
    `select setseed(0.2024);
     create temp table quotes (category text, k int, n int, quote text);
     insert into quotes values ${quoteRows.join(',')};
     create temp table draws as
     select tenant, g, answered, random() r_day, random() r_hour, random() r_min, random() r_camp, random() r_pers, random() r_dur, random() r_kind,
            random() r_out, random() r_score, random() r_sent, random() r_tl, random() r_pt, random() r_bud, random() r_bud2, random() r_loc, random() r_loc2,
            random() r_obj, random() r_c1, random() r_c2, random() r_q, random() r_am, random() r_am2, random() r_fin, random() r_misc
       from (${tenants.map((t) => `select ${sqlText(t.id)}::uuid as tenant, g, g <= ${t.analysed} as answered from generate_series(1, ${t.analysed + Math.round(t.analysed / 3)}) g`).join(' union all ')}) s;
     create temp table c as
     select d.*, md5('call:' || tenant || ':' || g)::uuid as call_id, md5('lead:' || tenant || ':' || (g % 60000))::uuid as lead_id,
            ('0193a000-0000-7000-8000-0000000ca' || lpad((1 + floor(r_camp * 4))::text, 3, '0'))::uuid as campaign_id,
            ('0193a000-0000-7000-8000-0000000fe' || lpad((1 + floor(r_pers * 3))::text, 3, '0'))::uuid as persona_id,
            case when answered then 'answered' when r_kind < 0.6 then 'no_answer' when r_kind < 0.85 then 'voicemail' else 'busy' end as call_outcome,
            case when answered then 40 + round((power(r_dur, 1.5) * 360)::numeric, 1) else 20 + round((r_dur * 40)::numeric, 1) end as duration,
            case when st > now() then st - interval '1 day' else st end as started_at
       from draws d,
            lateral (select (((now() at time zone 'Asia/Kolkata')::date - floor(r_day * 30)::int)
                              + make_interval(hours => case when answered then 8 + floor(r_hour * 13)::int when r_hour < 0.2 then 13 when r_hour < 0.4 then 14 else 8 + floor((r_hour - 0.4) / 0.6 * 13)::int end,
                                              secs => r_min * 3599)) at time zone 'Asia/Kolkata' as st) t;
     insert into intel.transcripts (call_id, tenant_id, lead_id, campaign_id, persona_id, attempt, call_outcome, ended_reason, duration_seconds, cost_usd, recording_url, turns,
                                    provider_summary, text_hash, lead_time_zone, local_hour, local_dow, started_at, ended_at, created_at)
     select call_id, tenant, lead_id, campaign_id, persona_id, 1 + floor(r_misc * 3)::int, call_outcome,
            case call_outcome when 'answered' then 'customer-ended-call' when 'no_answer' then 'customer-did-not-answer' when 'voicemail' then 'voicemail' else 'customer-busy' end,
            duration, round(duration / 60 * 0.11, 4), case when answered then 'https://recordings.example.in/' || call_id || '.wav' end,
            case when answered then (select jsonb_agg(jsonb_build_object('role', case when i % 2 = 0 then 'assistant' else 'user' end,
                                                                         'text', (${sqlArray(TURNS)})[1 + (i + 2 * (g % 12)) % ${TURNS.length}],
                                                                         'start', round(i * duration / n, 1), 'end', round((i + 1) * duration / n, 1)) order by i)
                                       from (select greatest(2, least(24, floor(duration / 15)::int)) as n) nn, generate_series(0, nn.n - 1) i)
                 else '[]'::jsonb end,
            case when answered then 'The lead discussed budget, location and timeline for a luxury residence.' end,
            case when answered then md5(call_id::text) end,
            'Asia/Kolkata', extract(hour from started_at at time zone 'Asia/Kolkata'), extract(dow from started_at at time zone 'Asia/Kolkata'),
            started_at, started_at + duration * interval '1 second', started_at + duration * interval '1 second' + interval '2 seconds'
       from c order by started_at;
     create temp table a as
     select c.*, o.outcome,
            case o.outcome when 'qualified' then 70 + floor(r_score * 31) when 'follow_up' then 45 + floor(r_score * 36) when 'callback_requested' then 40 + floor(r_score * 36)
                           when 'human_input_needed' then 30 + floor(r_score * 41) else floor(r_score * 36) end::smallint as score,
            case when o.outcome = 'qualified' then (case when r_sent < 0.7 then 'positive' when r_sent < 0.95 then 'neutral' else 'negative' end)
                 when o.outcome = 'not_interested' then (case when r_sent < 0.1 then 'positive' when r_sent < 0.5 then 'neutral' else 'negative' end)
                 else (case when r_sent < 0.35 then 'positive' when r_sent < 0.85 then 'neutral' else 'negative' end) end as sentiment,
            case o.outcome when 'qualified' then 'high' when 'not_interested' then (case when r_sent < 0.5 then 'none' else 'low' end) else 'medium' end as interest_level,
            case when o.outcome = 'qualified' then (case when r_tl < 0.45 then 'immediate' when r_tl < 0.8 then '3_months' when r_tl < 0.95 then '6_months' end)
                 when r_tl < 0.75 then (array['immediate','3_months','6_months','1_year'])[1 + floor(r_tl / 0.75 * 4)::int] end as timeline,
            case when r_pt < 0.5 then 'apartment' when r_pt < 0.65 then 'penthouse' when r_pt < 0.8 then 'villa' when r_pt < 0.85 then 'plot' when r_pt < 0.9 then 'commercial' end as property_type,
            case when r_bud2 < 0.15 then null else (round((2 + power(r_bud, 2) * 43) * 2) / 2 * 10000000)::bigint end as bmax,
            case when o.outcome = 'qualified' then (case when r_fin < 0.4 then 'pre_approved' when r_fin < 0.7 then 'cash_buyer' when r_fin < 0.9 then 'needs_financing' end)
                 when r_fin < 0.5 then (array['pre_approved','cash_buyer','needs_financing'])[1 + floor(r_fin / 0.5 * 3)::int] end as financing,
            case when o.outcome = 'not_interested' then 1 + (r_obj < 0.4)::int when r_obj < 0.45 then 0 when r_obj < 0.85 then 1 else 2 end as n_obj,
            (array[1,1,1,1,1,1,1,2,2,2,3,3,3,3,4,4,5,6,6,7])[1 + floor(r_c1 * 20)::int] as c1
       from c, lateral (select case when r_out < 0.25 then 'qualified' when r_out < 0.5 then 'follow_up' when r_out < 0.7 then 'not_interested'
                                    when r_out < 0.85 then 'callback_requested' else 'human_input_needed' end as outcome) o
      where answered;
     create temp table b as
     select a.*,
            case when bmax is null or r_bud2 < 0.35 then null when r_bud2 < 0.6 then bmax else greatest(20000000, (round(bmax * (0.6 + r_misc * 0.3) / 5000000) * 5000000)::bigint) end as bmin,
            case when r_loc2 < 0.35 then array[markets[1 + floor(r_loc * 12)::int], markets[1 + (floor(r_loc * 12)::int + 1 + floor(r_loc2 / 0.35 * 11)::int) % 12]]
                 else array[markets[1 + floor(r_loc * 12)::int]] end as locs,
            case n_obj when 0 then '{}'::text[] when 1 then array[cats[c1]] else array[cats[c1], cats[1 + (c1 + floor(r_c2 * 6)::int) % 7]] end as objs,
            array(select (${sqlArray(AMENITIES)})[1 + (floor(r_am2 * 10)::int + k * 3) % 10] from generate_series(0, floor(r_am * 4)::int - 1) k) as amens,
            case when outcome = 'human_input_needed' then (array['asked_for_human','complaint','site_visit_family','legal_question'])[1 + floor(r_misc * 4)::int] end as human_needed,
            case when outcome = 'callback_requested' then date_trunc('hour', started_at) + (1 + floor(r_misc * 3)::int) * interval '1 day' end as callback_at
       from a, (select array['price','location','timing','trust','already_bought','not_decision_maker','other'] as cats, ${sqlArray(MICRO_MARKETS)} as markets) k;
     insert into intel.analyses (call_id, tenant_id, lead_id, campaign_id, persona_id, analyzer, fallback_reason, outcome, score, sentiment, interest_level, budget_min_inr,
                                 budget_max_inr, timeline, property_type, locations, objections, amenities, human_needed, callback_at, result, call_started_at, duration_seconds, analyzed_at)
     select call_id, tenant, lead_id, campaign_id, persona_id, 'offline', null, outcome, score, sentiment, interest_level, bmin, bmax, timeline, property_type, locs, objs, amens,
            human_needed, callback_at,
            jsonb_build_object(
              'outcome', outcome, 'budgetInr', case when bmax is null then null else jsonb_build_object('min', bmin, 'max', bmax) end, 'timeline', timeline,
              'propertyType', property_type, 'locations', to_jsonb(locs), 'financing', financing,
              'decisionMaker', case when 'not_decision_maker' = any(objs) then false when outcome = 'qualified' then true end,
              'interestLevel', interest_level, 'sentiment', sentiment,
              'turnSentiments', jsonb_build_array(jsonb_build_object('turn', 1, 'sentiment', sentiment), jsonb_build_object('turn', 3, 'sentiment', sentiment)),
              'objections', (select coalesce(jsonb_agg(jsonb_build_object('category', u.cat, 'quote', q.quote) order by u.i), '[]'::jsonb)
                               from unnest(objs) with ordinality u(cat, i) join quotes q on q.category = u.cat and q.k = (floor(r_q * q.n)::int + u.i::int) % q.n),
              'amenities', to_jsonb(amens),
              'actionItems', case when outcome in ('qualified', 'follow_up') then jsonb_build_array('Send brochure and floor plans on WhatsApp', 'Offer a site visit this weekend') else '[]'::jsonb end,
              'callbackAt', to_char(callback_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'humanNeeded', human_needed, 'score', score,
              'scoreReasons', jsonb_build_array('Budget fits the project', 'Timeline: ' || coalesce(timeline, 'unknown')),
              'summary', 'Lead discussed a ' || coalesce(property_type, 'residence') || ' in ' || array_to_string(locs, ' or ') || '; outcome ' || outcome || '.'),
            started_at, duration, started_at + duration * interval '1 second' + interval '8 seconds'
       from b order by started_at;`,
  );
  if (indexDefs) psql(url, indexDefs.split(';').join(';\n'));
  psql(url, 'vacuum analyze intel.transcripts');
  psql(url, 'vacuum analyze intel.analyses');
}

async function main(): Promise<void> {
  const db = await createBenchDatabase('bench_insights');
  const prefix = `benchi${uuid7().slice(-8)}`;
  const nc = await connect({ servers: NATS_URL });
  let svc: ServiceProcess | null = null;
  try {
    // Start once to migrate, then load the data with SQL.
    svc = await ServiceProcess.start(await buildService('intelligence'), { DATABASE_URL: db.url, NATS_URL, NATS_PREFIX: prefix, LOG_LEVEL: 'warn' }, PORT);
    const t = Date.now();
    if (!db.reused) loadCalls(db.url);
    const counts = psql(
      db.url,
      `select (select count(*) from intel.transcripts where tenant_id = '${TENANT}') || ' calls, ' || (select count(*) from intel.analyses where tenant_id = '${TENANT}') || ' analysed; other tenant '
              || (select count(*) from intel.transcripts where tenant_id = '${OTHER_TENANT}') || ' calls, ' || (select count(*) from intel.analyses where tenant_id = '${OTHER_TENANT}') || ' analysed; '
              || 'transcripts ' || pg_size_pretty(pg_table_size('intel.transcripts')) || ', analyses ' || pg_size_pretty(pg_table_size('intel.analyses'))`,
    ).trim();
    console.log(`${db.reused ? 'reused' : 'loaded'}: ${counts} (${((Date.now() - t) / 1000).toFixed(1)} s)`);

    const topology = new Topology(prefix);
    const rpc = new RpcClient(nc, topology, 60_000);
    const meta = { tenantId: TENANT, actor: { type: 'user' as const, id: 'bench', role: 'admin' as const }, correlationId: 'bench-insights' };
    for (const tenantId of [TENANT, OTHER_TENANT]) {
      const started = Date.now();
      const { callsRead } = await rpc.request(rebuildInsightsV1, { ...meta, tenantId }, {});
      console.log(`insight aggregates rebuilt for ${tenantId === TENANT ? 'the tenant' : 'the other tenant'}: ${callsRead.toLocaleString()} calls in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const KINDS: { name: string; call: () => Promise<unknown> }[] = [
      { name: 'conversations days=7', call: () => rpc.request(conversationInsightsV1, meta, { days: 7 }) },
      { name: 'conversations days=30', call: () => rpc.request(conversationInsightsV1, meta, { days: 30 }) },
      { name: 'conversations days=30 campaign', call: () => rpc.request(conversationInsightsV1, meta, { days: 30, campaignId: CAMPAIGN(1) }) },
      { name: 'trends days=7', call: () => rpc.request(trendInsightsV1, meta, { days: 7 }) },
      { name: 'trends days=30', call: () => rpc.request(trendInsightsV1, meta, { days: 30 }) },
      { name: 'recommendations days=30', call: () => rpc.request(recommendationsV1, meta, { days: 30 }) },
    ];

    // What the endpoints answer (also a check that the other tenant's calls stay out), and a warm-up.
    const conv = await rpc.request(conversationInsightsV1, meta, { days: 30 });
    const conv7 = await rpc.request(conversationInsightsV1, meta, { days: 7 });
    const trends = await rpc.request(trendInsightsV1, meta, { days: 30 });
    const recs = await rpc.request(recommendationsV1, meta, { days: 30 });
    console.log(
      `days=30: ${conv.analysedCalls.toLocaleString()} analysed (${conv.qualifiedCalls.toLocaleString()} qualified), days=7: ${conv7.analysedCalls.toLocaleString()}; ` +
        `top objection ${conv.objections[0]?.category} ${((conv.objections[0]?.share ?? 0) * 100).toFixed(0)}%; ${trends.answerRateByHour.length} weekday-hour slots, ` +
        `${trends.personas.length} personas; ${recs.items.length} recommendations (${recs.items.map((r) => r.kind).join(', ')})`,
    );
    for (const k of KINDS) for (let i = 0; i < 3; i++) await k.call();

    const levels = (process.env.CONCURRENCY ?? '1,4').split(',').map(Number);
    const results = new Map<string, Map<number, Latencies>>(KINDS.map((k) => [k.name, new Map()]));
    for (const concurrency of levels) {
      // Floor: a bare request/reply round trip on the same connection, at the same concurrency.
      const echo = nc.subscribe(`${prefix}.bench.echo`, { callback: (_e, m) => m.respond(m.data) });
      const floor = new Latencies();
      await runConcurrently(REQUESTS, concurrency, async () => {
        const s = performance.now();
        await nc.request(`${prefix}.bench.echo`, Buffer.from('{}'), { timeout: 5000 });
        floor.add(performance.now() - s);
      });
      echo.unsubscribe();
      console.log(`\n${concurrency} in flight:`);
      console.log(`  ${'bare NATS request/reply'.padEnd(32)} ${floor.summary()}`);
      for (const k of KINDS) {
        const lat = new Latencies();
        const t0 = performance.now();
        await runConcurrently(REQUESTS, concurrency, async () => {
          const s = performance.now();
          await k.call();
          lat.add(performance.now() - s);
        });
        const rate = REQUESTS / ((performance.now() - t0) / 1000);
        results.get(k.name)!.set(concurrency, lat);
        console.log(`  ${k.name.padEnd(32)} ${lat.summary()}, ${rate.toFixed(1)} req/s`);
      }
    }
    console.log(`\nintelligence service peak RSS: ${svc.peakRssMb().toFixed(0)} MB`);
    console.log(`target: p95 < ${TARGET_P95_MS} ms`);
    for (const k of KINDS) {
      const per = [...results.get(k.name)!].map(([c, lat]) => `${c} in flight ${lat.percentile(95).toFixed(1)} ms`).join(', ');
      const pass = [...results.get(k.name)!.values()].every((lat) => lat.percentile(95) < TARGET_P95_MS);
      console.log(`  ${k.name.padEnd(32)} p95 < ${TARGET_P95_MS} ms: ${pass ? 'PASS' : 'MISS'} (${per})`);
    }
  } finally {
    await svc?.stop();
    await dropPrefixedStreams(nc, prefix);
    await nc.close();
    await db.drop();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
