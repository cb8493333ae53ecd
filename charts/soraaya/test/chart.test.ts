/**
 * The Helm chart, checked without helm or a cluster. What this does and does not prove:
 *   - values.yaml and values-production.yaml validate against values.schema.json (with the
 *     small validator in json-schema.ts; the schema may use only the keywords it knows);
 *   - every service in `services` has its values block, template file, Dockerfile and entry;
 *   - the templates are rendered by go-template.ts, a renderer of the Go template subset the
 *     chart uses, for four cases (bundled NATS install and upgrade, external infrastructure,
 *     production), and the resulting manifests are checked object by object: security
 *     context, probes, resources, secrets by reference only, ports, selectors, network
 *     policy, migration hooks, production sizing.
 * It does not run helm's own renderer or the Kubernetes API's validation: `helm lint` and
 * `helm template | kubectl apply --dry-run=server` on a real cluster remain worth running.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Chart } from './go-template';
import { SUPPORTED_KEYWORDS, keywordsOf, validate, type Schema } from './json-schema';
import {
  REPO,
  chartMeta,
  defaultValues,
  mergeValues,
  productionValues,
  quantity,
  readText,
  renderChart,
  selects,
  templateFiles,
  variablesRead,
  type Obj,
  type Rendered,
} from './chart-fixture';

const schema = JSON.parse(readText('charts/soraaya/values.schema.json')) as Schema;
const defaults = defaultValues();
const production = mergeValues(defaults, productionValues());
const SERVICES = defaults.services as string[];
const SECRET_NAME = /(SECRET|PASSWORD|_TOKEN|API_KEY|ACCOUNT_SID|DATABASE_URL|REDIS_URL)$/;
/** Services that call providers over the internet (per the architecture). */
const PROVIDER_CALLERS = ['dialer', 'intelligence', 'intel', 'transcript-intelligence', 'notification'];

const external = mergeValues(defaults, { nats: { enabled: false } });
const cases: [string, Obj, boolean][] = [
  ['default values, first install (bundled NATS)', defaults, true],
  ['default values, upgrade', defaults, false],
  ['external NATS/Postgres/Redis, first install', external, true],
  ['production values, upgrade', production, false],
];

describe('values', () => {
  it('the schema uses only keywords the validator checks', () => {
    const unknown = [...keywordsOf(schema)].filter((k) => !SUPPORTED_KEYWORDS.has(k) && !k.startsWith('x-'));
    // property names under `properties`/`definitions` are walked as schemas, so anything else here is a keyword we would ignore
    expect(unknown).toEqual([]);
  });

  it.each([
    ['values.yaml', defaults],
    ['values.yaml + values-production.yaml', production],
  ])('%s validates against values.schema.json', (_name, values) => {
    expect(validate(schema, values)).toEqual([]);
  });

  it.each<[string, (v: Obj) => void, RegExp]>([
    ['a service without limits', (v) => delete v.lead.resources.limits, /lead\.resources: limits is required/],
    ['a writable root file system', (v) => (v.global.containerSecurityContext.readOnlyRootFilesystem = false), /readOnlyRootFilesystem/],
    ['root', (v) => (v.global.podSecurityContext.runAsNonRoot = false), /runAsNonRoot/],
    ['capabilities kept', (v) => (v.global.containerSecurityContext.capabilities.drop = ['NET_RAW']), /drop: contains no item/],
    ['a number in env', (v) => (v.gateway.env.BODY_LIMIT_BYTES = 1048576), /BODY_LIMIT_BYTES: must be string/],
    ['a service block missing probes', (v) => delete v.dialer.probes, /dialer: probes is required/],
    ['a new service block of the wrong shape', (v) => (v.intelligence = { enabled: true }), /intelligence: image is required/],
  ])('the schema refuses %s', (_name, breakIt, message) => {
    const broken = structuredClone(defaults);
    breakIt(broken);
    expect(validate(schema, broken).join('\n')).toMatch(message);
  });

  it('holds no secret values: secret variables are only references to the existing Secret', () => {
    for (const values of [defaults, production]) {
      const envs: [string, Obj][] = [
        ['global', values.global.env],
        ...SERVICES.map((s): [string, Obj] => [s, { ...values[s].env, ...values[s].migrations.env }]),
      ];
      for (const [owner, env] of envs) {
        for (const [k, v] of Object.entries(env)) if (SECRET_NAME.test(k)) expect(`${owner}.${k}=${String(v)}`).toBe(`${owner}.${k}=`);
      }
    }
  });

  it('gives every service block the same shape', () => {
    const shape = (o: Obj) => Object.keys(o).sort();
    for (const s of SERVICES) {
      expect(shape(defaults[s])).toEqual(shape(defaults[SERVICES[0]!]));
      for (const k of ['image', 'resources', 'probes', 'hpa', 'networkPolicy', 'migrations'])
        expect([s, k, shape(defaults[s][k])]).toEqual([s, k, shape(defaults[SERVICES[0]!][k])]);
    }
  });

  it('opens provider HTTPS only to the services that call providers, and the ingress controller only to the gateway', () => {
    for (const s of SERVICES) {
      expect([s, defaults[s].networkPolicy.providers]).toEqual([s, PROVIDER_CALLERS.includes(s)]);
      expect([s, defaults[s].networkPolicy.ingressController]).toEqual([s, s === 'gateway']);
    }
  });
});

describe('every service in the list', () => {
  const templates = templateFiles();

  it.each(SERVICES)('%s has a values block, a template file, a Dockerfile, an entry point and a skaffold artifact', (s) => {
    expect(defaults[s]).toBeDefined();
    expect(templates[`${s}.yaml`]).toContain(`include "soraaya.service" (dict "root" . "name" "${s}")`);
    expect(existsSync(join(REPO, 'services', s, 'src', 'main.ts'))).toBe(true); // what scripts/build-services.ts bundles
    const dockerfile = readText(`deploy/docker/${s}.Dockerfile`);
    expect(dockerfile).toMatch(/^FROM node:22|^ARG NODE_IMAGE=node:22-/m);
    expect(dockerfile).toContain(`ARG SERVICE=${s}`);
    expect(dockerfile).toContain('npx tsx scripts/build-services.ts ${SERVICE}');
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toMatch(/^USER 10001:10001$/m);
    expect(dockerfile).toContain('--max-old-space-size=160');
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
    expect(dockerfile).toContain(`CMD ["node", "dist/${s}/main.js"]`);
    expect(dockerfile).not.toContain('migrate-and-exit');
    // what the migration Job runs, `node dist/<service>/main.js migrate`, is the entry's migrate command (service-kit runServiceMain)
    expect(readText(`services/${s}/src/main.ts`)).toMatch(
      /^runServiceMain\(main, \{ name: SERVICE_NAME, configSchema: \w+ConfigSchema, \.\.\.[A-Z]+_DATABASE \}\);$/m,
    );
    expect(readText('skaffold.yaml')).toContain(`dockerfile: deploy/docker/${s}.Dockerfile`);
  });

  it('and nothing else: every service template and Dockerfile belongs to a listed service', () => {
    const serviceTemplates = Object.entries(templates).filter(([f, t]) => f.endsWith('.yaml') && t.includes('include "soraaya.service"'));
    expect(serviceTemplates.map(([f]) => f.replace(/\.yaml$/, '')).sort()).toEqual([...SERVICES].sort());
    const dockerfiles = readdirSync(join(REPO, 'deploy', 'docker')).filter((f) => f.endsWith('.Dockerfile'));
    expect(dockerfiles.map((f) => f.replace(/\.Dockerfile$/, '')).sort()).toEqual([...SERVICES].sort());
  });
});

describe('Chart.yaml', () => {
  const deps = chartMeta().dependencies as Obj[];
  const dep = (name: string) => deps.find((d) => d.name === name)!;

  it('has NATS as a dependency with JetStream on file storage, behind nats.enabled', () => {
    expect(dep('nats').condition).toBe('nats.enabled');
    expect(defaults.nats.config.jetstream).toMatchObject({ enabled: true, fileStore: { enabled: true } });
  });

  it('keeps Postgres and Redis external by default, bundled only behind conditions', () => {
    expect(dep('postgresql').condition).toBe('postgresql.enabled');
    expect(dep('redis').condition).toBe('redis.enabled');
    expect([defaults.postgresql.enabled, defaults.redis.enabled]).toEqual([false, false]);
  });
});

describe.each(cases)('rendered chart: %s', (_name, values, isInstall) => {
  // A template error fails the first test below instead of the whole file.
  let r = { docs: [], byFile: {}, notes: '', find: () => undefined, all: () => [] } as Rendered;
  let renderError: unknown;
  try {
    r = renderChart(values, { isInstall });
  } catch (err) {
    renderError = err;
  }
  const bundled = values.nats.enabled || values.postgresql.enabled || values.redis.enabled;

  it('renders without error', () => {
    expect(renderError).toBeUndefined();
  });

  it('renders only well-formed objects with unique names', () => {
    for (const d of r.docs) expect([d.apiVersion && d.kind && d.metadata?.name ? 'ok' : d]).toEqual(['ok']);
    const keys = r.docs.map((d) => `${d.kind}/${d.metadata.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  describe.each(SERVICES)('%s', (s) => {
    const svc: Obj = values[s] ?? {};
    const name = `soraaya-${s}`;
    const deployment = r.find('Deployment', name)!;
    const pod = deployment?.spec.template;
    const container = pod?.spec.containers[0];
    const configMap = r.find('ConfigMap', name)!;
    const job = r.find('Job', `${name}-migrate`)!;
    const opsPort = svc.ports?.[svc.opsPort];

    it('has a Deployment, ConfigMap, ServiceAccount, Service, PodDisruptionBudget, NetworkPolicy and migration Job', () => {
      for (const kind of ['Deployment', 'ConfigMap', 'ServiceAccount', 'Service', 'PodDisruptionBudget', 'NetworkPolicy', 'Job'])
        expect([kind, !!r.find(kind, name + (kind === 'Job' ? '-migrate' : ''))]).toEqual([kind, true]);
      expect(!!r.find('HorizontalPodAutoscaler', name)).toBe(!!svc.hpa.enabled);
      if (svc.hpa.enabled) expect(deployment.spec.replicas).toBeUndefined();
    });

    it('runs as uid 10001, non-root, read-only root, no capabilities, writable /tmp only', () => {
      for (const spec of [pod.spec, job.spec.template.spec]) {
        expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
        const c = spec.containers[0];
        expect(c.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
        expect(c.securityContext.capabilities.drop).toContain('ALL');
        expect(c.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
        expect(spec.volumes).toEqual([{ name: 'tmp', emptyDir: expect.objectContaining({ sizeLimit: expect.any(String) }) }]);
        expect(spec.automountServiceAccountToken).toBe(false);
      }
    });

    it('sets requests and limits for cpu and memory, limits at least the requests', () => {
      for (const c of [container, job.spec.template.spec.containers[0]]) {
        for (const res of ['cpu', 'memory']) {
          expect(quantity(c.resources.limits[res])).toBeGreaterThanOrEqual(quantity(c.resources.requests[res]));
        }
      }
      // the image caps the heap at 160 MB: the limit must leave room above it
      expect(quantity(container.resources.limits.memory)).toBeGreaterThan(200 * 1024 ** 2);
    });

    it('probes /healthz (startup, liveness) and /readyz (readiness) on the port the service listens on', () => {
      expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: svc.opsPort });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: svc.opsPort });
      expect(container.startupProbe.httpGet.path).toBe('/healthz');
      expect(container.ports).toContainEqual({ name: svc.opsPort, containerPort: opsPort.port, protocol: 'TCP' });
      // the service reads its port from this variable, so the probe hits the port it really opens
      expect(configMap.data[opsPort.env]).toBe(String(opsPort.port));
      expect(variablesRead(s)).toContain(opsPort.env);
    });

    it('takes plain settings from its ConfigMap, and only variables the service reads', () => {
      expect(container.envFrom).toEqual([{ configMapRef: { name } }]);
      const read = variablesRead(s);
      for (const k of Object.keys(configMap.data)) expect([k, read.has(k)]).toEqual([k, true]);
      for (const v of Object.values(configMap.data)) expect(typeof v).toBe('string');
      expect(configMap.data.HTTP_HOST ?? configMap.data.HOST).toBe('0.0.0.0');
    });

    it('takes secrets only by reference to the existing Secret', () => {
      for (const k of Object.keys(configMap.data)) expect([k, SECRET_NAME.test(k)]).toEqual([k, false]);
      const env = container.env as Obj[];
      expect(env.map((e) => e.name)).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL']));
      const read = variablesRead(s);
      for (const e of env) {
        expect(e.value).toBeUndefined();
        expect(e.valueFrom.secretKeyRef.name).toBe(values.global.existingSecret);
        expect([e.name, read.has(e.name)]).toEqual([e.name, true]);
      }
    });

    it('has a Service and a PodDisruptionBudget selecting its pods but not its migration Job', () => {
      const service = r.find('Service', name)!;
      const pdb = r.find('PodDisruptionBudget', name)!;
      for (const selector of [service.spec.selector, pdb.spec.selector.matchLabels, deployment.spec.selector.matchLabels]) {
        expect(selects(selector, pod.metadata.labels)).toBe(true);
        expect(selects(selector, job.spec.template.metadata.labels)).toBe(false);
      }
      for (const p of service.spec.ports) expect(container.ports.map((c: Obj) => c.name)).toContain(p.targetPort);
    });

    it('allows in only Prometheus on the ops port, the ingress controller (gateway), and linked callers', () => {
      const np = r.find('NetworkPolicy', name)!;
      expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(selects(np.spec.podSelector.matchLabels, pod.metadata.labels)).toBe(true);
      expect(selects(np.spec.podSelector.matchLabels, job.spec.template.metadata.labels)).toBe(true);
      const callers = SERVICES.filter((o) => Object.values(values[o].serviceLinks as Obj).some((l) => l.service === s));
      for (const rule of np.spec.ingress as Obj[]) {
        const from = JSON.stringify(rule.from);
        if (from === JSON.stringify(values.global.networkPolicy.prometheus))
          expect(rule.ports).toEqual([{ port: svc.opsPort, protocol: 'TCP' }]);
        else if (from === JSON.stringify(values.global.networkPolicy.ingressController)) expect(s).toBe('gateway');
        else expect(callers).toContain(rule.from[0].podSelector.matchLabels['app.kubernetes.io/component']);
      }
      expect((np.spec.ingress as Obj[]).length).toBe(1 + (s === 'gateway' ? 1 : 0) + callers.length);
    });

    it('allows out only DNS, NATS, Postgres, Redis, provider HTTPS where it calls providers, linked services and its extraEgress', () => {
      const np = r.find('NetworkPolicy', name)!;
      const gnp = values.global.networkPolicy;
      const linked = Object.values(svc.serviceLinks as Obj).map((l) => values[l.service].ports[l.port].port);
      const ports = (np.spec.egress as Obj[]).flatMap((rule) => rule.ports.map((p: Obj) => p.port));
      const expected = [
        53,
        53,
        gnp.nats.port,
        gnp.postgres.port,
        ...(svc.networkPolicy.redis ? [gnp.redis.port] : []),
        ...(svc.networkPolicy.providers ? [443] : []),
        ...linked,
        // declared per service in values (the notification service's SMTP relay)
        ...(svc.networkPolicy.extraEgress as Obj[]).flatMap((rule) => rule.ports.map((p: Obj) => p.port)),
      ];
      expect(ports.sort()).toEqual(expected.sort());
      const https = (np.spec.egress as Obj[]).find((rule) => rule.ports[0].port === 443);
      if (https) expect(https.to[0].ipBlock.except).toEqual(expect.arrayContaining(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']));
      if (values.nats.enabled) {
        const nats = (np.spec.egress as Obj[]).find((rule) => rule.ports[0].port === gnp.nats.port)!;
        expect(nats.to[0].podSelector.matchLabels['app.kubernetes.io/name']).toBe('nats');
      }
    });

    it('migrates in a hook Job running the migrate command of the service, and the pods leave migrations to it', () => {
      const hook = job.metadata.annotations['helm.sh/hook'] as string;
      expect(hook.split(',')).toContain('pre-upgrade');
      expect(hook).toBe(bundled ? 'pre-upgrade' : 'pre-install,pre-upgrade');
      expect(job.metadata.annotations['helm.sh/hook-delete-policy']).toContain('before-hook-creation');
      const c = job.spec.template.spec.containers[0];
      expect(c.image).toBe(container.image);
      expect(c.command).toEqual(['node', `dist/${s}/main.js`, 'migrate']);
      expect(c.env).toContainEqual({ name: 'RUN_MIGRATIONS', value: 'true' });
      expect(c.env.filter((e: Obj) => e.valueFrom).map((e: Obj) => e.name)).toEqual(container.env.map((e: Obj) => e.name));
      // the Job runs on this event unless it is a first install with a bundled subchart: then the pods migrate at start
      const jobRunsNow = !(isInstall && bundled);
      expect(configMap.data.RUN_MIGRATIONS).toBe(jobRunsNow ? 'false' : 'true');
      if (s === 'gateway') expect(c.env).toContainEqual({ name: 'SEED_DEMO_TENANT', value: 'false' });
    });

    it('is scraped by a ServiceMonitor on its ops port when metrics.serviceMonitor.enabled', () => {
      const sm = r.find('ServiceMonitor', name);
      expect(!!sm).toBe(!!values.metrics.serviceMonitor.enabled);
      if (sm) {
        expect(sm.spec.endpoints[0]).toMatchObject({ port: svc.opsPort, path: '/metrics', honorLabels: true });
        expect(selects(sm.spec.selector.matchLabels, r.find('Service', name)!.metadata.labels)).toBe(true);
      }
    });
  });

  it('reaches the gateway from the dialer simulator at the webhook route the gateway serves', () => {
    const url = r.find('ConfigMap', 'soraaya-dialer')!.data.SIMULATOR_WEBHOOK_URL as string;
    expect(url).toBe('http://soraaya-gateway:8080/webhooks/vapi');
    expect(readText('services/gateway/src/webhooks/webhook.routes.ts')).toContain("'/webhooks/vapi'");
  });

  it('prints the webhook URLs providers must call in NOTES.txt', () => {
    for (const path of ['/webhooks/vapi', '/webhooks/twilio/voice', '/webhooks/twilio/recording']) {
      expect(r.notes).toContain(`https://${values.ingress.host}${path}`);
      expect(readText('services/gateway/src/webhooks/webhook.routes.ts')).toContain(`'${path}'`);
    }
  });

  it('serves the gateway through a TLS Ingress', () => {
    const ing = r.find('Ingress', 'soraaya-gateway')!;
    expect(ing.spec.tls[0]).toEqual({ hosts: [values.ingress.host], secretName: values.ingress.tls.secretName });
    expect(ing.spec.rules[0].http.paths[0].backend.service).toEqual({ name: 'soraaya-gateway', port: { name: 'http' } });
    expect(r.find('ConfigMap', 'soraaya-gateway')!.data.PUBLIC_BASE_URL).toBe(`https://${values.ingress.host}`);
  });
});

describe('migrations.command', () => {
  it('overrides the migrate command of one service only', () => {
    const command = ['node', 'dist/lead/main.js', 'migrate', '--verbose'];
    const r = renderChart(mergeValues(defaults, { lead: { migrations: { command } } }), { isInstall: false });
    expect(r.find('Job', 'soraaya-lead-migrate')!.spec.template.spec.containers[0].command).toEqual(command);
    expect(r.find('Job', 'soraaya-dialer-migrate')!.spec.template.spec.containers[0].command).toEqual([
      'node',
      'dist/dialer/main.js',
      'migrate',
    ]);
  });
});

describe('production values', () => {
  // a render error is reported by 'rendered chart: production values' above
  const r = (() => {
    try {
      return renderChart(production, { isInstall: false });
    } catch {
      return { find: () => undefined } as unknown as Rendered;
    }
  })();

  it('runs at least two pods of every service, autoscaled, with a PDB keeping one', () => {
    for (const s of SERVICES) {
      expect(production[s].replicas).toBeGreaterThanOrEqual(2);
      expect(r.find('HorizontalPodAutoscaler', `soraaya-${s}`)!.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(r.find('PodDisruptionBudget', `soraaya-${s}`)!.spec.minAvailable).toBe(1);
    }
  });

  it('puts every stream on three JetStream replicas over a three-node NATS cluster', () => {
    for (const s of SERVICES) expect(r.find('ConfigMap', `soraaya-${s}`)!.data.NATS_STREAM_REPLICAS).toBe('3');
    expect(production.nats.config.cluster).toMatchObject({ enabled: true, replicas: 3 });
  });

  it('gives every service larger requests than the defaults and its own database role', () => {
    const keys = new Set<string>();
    for (const s of SERVICES) {
      for (const res of ['cpu', 'memory'])
        expect(quantity(production[s].resources.requests[res])).toBeGreaterThan(quantity(defaults[s].resources.requests[res]));
      keys.add(production[s].secretEnv.DATABASE_URL.key);
    }
    expect(keys.size).toBe(SERVICES.length);
  });
});

describe('the template renderer (what the rendered-chart tests rely on)', () => {
  const render = (tpl: string, Values: Obj) => new Chart({ 't.yaml': tpl }).render({ Values, Release: {}, Chart: {} })['t.yaml'];

  it('trims around {{- -}} and visits map keys in sorted order', () => {
    expect(render('a:\n  {{- range $k, $v := .Values.m }}\n  {{ $k }}: {{ $v }}\n  {{- end }}\n', { m: { b: 2, a: 1 } })).toBe(
      'a:\n  a: 1\n  b: 2\n',
    );
  });

  it('prints a missing key as nothing but fails on a field of nil, as helm does', () => {
    expect(render('x={{ .Values.missing }}', {})).toBe('x=');
    expect(() => render('{{ .Values.missing.field }}', {})).toThrow(/nil pointer/);
  });

  it('prints numbers as helm prints float64 values', () => {
    expect(render('{{ .Values.a }} {{ .Values.b }} {{ .Values.c }}', { a: 3101, b: 1048576, c: 0.5 })).toBe('3101 1.048576e+06 0.5');
  });

  it('refuses what it does not implement instead of skipping it', () => {
    expect(() => render('{{ tpl .Values.x . }}', {})).toThrow();
    expect(() => render('{{ uuidv4 }}', {})).toThrow(/not defined/);
  });
});
