/**
 * The rest of deploy/: alert rules, Grafana dashboards, compose and skaffold files, checked
 * for shape and for the metric names they query. What it does not do: parse PromQL (only
 * brackets are balanced-checked) or load the dashboards into Grafana.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { parse } from 'yaml';
import { REPO, defaultValues, readText, type Obj } from './chart-fixture';

const SERVICES = defaultValues().services as string[];

/**
 * Metrics the rules and dashboards may query before a service exports them. Each entry
 * names the metric and the labels the service is expected to export; the test fails on
 * any other unknown soraaya_* name. Empty: every name queried is registered in the code.
 */
const NOT_EXPORTED_YET: string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(REPO, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.parentPath.split(sep).includes('test'))
    .map((e) => join(e.parentPath, e.name));
}

/** soraaya_* names the code registers (prom-client `name: '...'`), plus prom-client's default metrics. */
function exportedMetrics(): Set<string> {
  const names = new Set<string>();
  const files = [...sourceFiles('libs'), ...readdirSync(join(REPO, 'services')).flatMap((s) => sourceFiles(join('services', s, 'src')))];
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/name: '(soraaya_[a-z0-9_]+)'/g)) names.add(m[1]!);
  // the default metrics every service registers with collectDefaultMetrics({ prefix: 'soraaya_' })
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'soraaya_' });
  for (const m of registry.getMetricsAsArray()) names.add(m.name);
  return names;
}

function checkMetricNames(exprs: string[]): string[] {
  const known = exportedMetrics();
  const unknown = new Set<string>();
  for (const e of exprs) {
    for (const [name] of e.matchAll(/soraaya_[a-z0-9_]+/g)) {
      const base = name.replace(/_(bucket|count|sum)$/, '');
      if (!known.has(name) && !known.has(base) && !NOT_EXPORTED_YET.includes(base)) unknown.add(name);
    }
  }
  return [...unknown];
}

const balanced = (e: string) => ['()', '{}', '[]'].every(([o, c]) => e.split(o!).length === e.split(c!).length);

describe('deploy/prometheus/alerts.yaml', () => {
  const doc = parse(readText('deploy/prometheus/alerts.yaml')) as Obj;
  const rules = (doc.groups as Obj[]).flatMap((g) => g.rules as Obj[]);

  it('is a rule file of named groups whose rules have an expression, a severity and a summary', () => {
    for (const g of doc.groups as Obj[]) expect(g.name).toMatch(/^soraaya-/);
    for (const r of rules) {
      expect(r.alert).toMatch(/^Soraaya[A-Za-z]+$/);
      expect(balanced(r.expr)).toBe(true);
      expect(['critical', 'warning', 'info']).toContain(r.labels.severity);
      expect(r.annotations.summary).toBeTruthy();
    }
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
  });

  it.each<[string, RegExp[]]>([
    ['API p95 over 1 s', [/histogram_quantile\(0\.95/, /soraaya_http_request_duration_seconds_bucket/, /\) > 1\n/]],
    ['error rate over 5%', [/status_code=~"5\.\."/, /> 0\.05/]],
    ['consumer lag growing', [/consumer_num_pending/, /deriv\(/]],
    ['dialer circuit open', [/soraaya_dialer_circuit_open/, /== 1/]],
    ['qualification rate under 30%', [/qualified="true"/, /< 0\.30/]],
  ])('has a rule for %s', (_name, patterns) => {
    expect(rules.some((r) => patterns.every((p) => p.test(r.expr)))).toBe(true);
  });

  it('queries only metrics the services export, or the ones listed as not exported yet', () => {
    expect(checkMetricNames(rules.map((r) => r.expr))).toEqual([]);
    for (const missing of NOT_EXPORTED_YET.filter((m) => rules.some((r) => r.expr.includes(m))))
      expect(readText('deploy/prometheus/alerts.yaml')).toContain(`#   ${missing}`);
  });
});

describe('deploy/grafana/dashboards', () => {
  const dir = join(REPO, 'deploy', 'grafana', 'dashboards');
  const boards = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Obj] as const);

  it('has the platform overview, per-service RED, dialer and JetStream dashboards', () => {
    expect(boards.map(([f]) => f).sort()).toEqual(['dialer.json', 'jetstream.json', 'overview.json', 'service-red.json']);
    expect(new Set(boards.map(([, b]) => b.uid)).size).toBe(boards.length);
  });

  it.each(boards)('%s is schemaVersion 39 with a Prometheus data source variable and PromQL panels', (_f, b) => {
    expect(b.schemaVersion).toBe(39);
    expect(b.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }));
    const panels = (b.panels as Obj[]).filter((p) => p.type !== 'row');
    expect(panels.length).toBeGreaterThan(3);
    expect(new Set((b.panels as Obj[]).map((p) => p.id)).size).toBe(b.panels.length);
    for (const p of panels) {
      expect(p.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
      expect(p.targets.length).toBeGreaterThan(0);
      for (const t of p.targets) expect([t.expr, balanced(t.expr)]).toEqual([expect.stringMatching(/\S/), true]);
    }
    expect(checkMetricNames(panels.flatMap((p) => p.targets.map((t: Obj) => t.expr)))).toEqual([]);
  });

  it('reads JetStream series through the exporter-prefix variable (nats_* or jetstream_*)', () => {
    const js = boards.find(([f]) => f === 'jetstream.json')![1];
    const exprs = (js.panels as Obj[]).flatMap((p) => (p.targets ?? []).map((t: Obj) => t.expr as string));
    expect(exprs.some((e) => e.includes('${js}_consumer_num_pending'))).toBe(true);
    expect(js.templating.list.find((v: Obj) => v.name === 'js').query).toBe('nats,jetstream');
  });
});

describe('deploy/compose.yaml', () => {
  const compose = parse(readText('deploy/compose.yaml'), { merge: true }) as Obj;

  it('runs NATS with JetStream, Postgres 17 and Redis 7', () => {
    expect(compose.services.nats.command).toContain('-js');
    expect(compose.services.postgres.image).toMatch(/^postgres:17/);
    expect(compose.services.redis.image).toMatch(/^redis:7/);
  });

  it.each(SERVICES)('builds %s from its Dockerfile, env from .env, read-only', (s) => {
    const svc = compose.services[s];
    expect(svc.build).toEqual({ context: '..', dockerfile: `deploy/docker/${s}.Dockerfile` });
    expect(svc.env_file).toContainEqual(expect.objectContaining({ path: '../.env' }));
    expect(svc.read_only).toBe(true);
    expect(svc.environment).toMatchObject({ NATS_URL: 'nats://nats:4222', REDIS_URL: 'redis://redis:6379', RUN_MIGRATIONS: 'true' });
  });
});

describe('skaffold.yaml', () => {
  const sk = parse(readText('skaffold.yaml')) as Obj;
  const release = sk.deploy.helm.releases[0];

  it('builds one artifact per service from deploy/docker and deploys the chart with helm', () => {
    expect(sk.apiVersion).toMatch(/^skaffold\/v4beta\d+$/);
    expect(sk.build.artifacts.map((a: Obj) => a.docker.dockerfile).sort()).toEqual(
      SERVICES.map((s) => `deploy/docker/${s}.Dockerfile`).sort(),
    );
    expect(release.chartPath).toBe('charts/soraaya');
    for (const a of sk.build.artifacts as Obj[]) {
      const s = a.docker.dockerfile.replace(/^deploy\/docker\/(.+)\.Dockerfile$/, '$1');
      const key = a.image.replace(/[^A-Za-z0-9]/g, '_');
      expect(release.setValueTemplates[`${s}.image.repository`]).toBe(`{{.IMAGE_REPO_${key}}}`);
      expect(release.setValueTemplates[`${s}.image.tag`]).toBe(`{{.IMAGE_TAG_${key}}}@{{.IMAGE_DIGEST_${key}}}`);
    }
  });

  it('has dev and prod profiles whose patches apply to the base config', () => {
    expect(sk.profiles.map((p: Obj) => p.name).sort()).toEqual(['dev', 'prod']);
    for (const profile of sk.profiles as Obj[]) {
      for (const patch of profile.patches as Obj[]) {
        const parts = (patch.path as string).split('/').slice(1);
        const parent = parts.slice(0, -1).reduce<Obj | undefined>((o, k) => o?.[k], sk);
        expect([patch.path, parent !== undefined]).toEqual([patch.path, true]);
        if (patch.op === 'replace') expect([patch.path, parent![parts.at(-1)!] !== undefined]).toEqual([patch.path, true]);
      }
    }
  });
});
