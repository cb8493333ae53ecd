/** Loading and rendering charts/soraaya for the tests, as `helm template` would. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { Chart } from './go-template';

export const CHART_DIR = join(__dirname, '..');
export const REPO = join(CHART_DIR, '..', '..');

export type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const readText = (path: string): string => readFileSync(join(REPO, path), 'utf8');
export const readYaml = (path: string): Obj => parse(readText(path)) as Obj;

export const chartMeta = (): Obj => readYaml('charts/soraaya/Chart.yaml');
export const defaultValues = (): Obj => readYaml('charts/soraaya/values.yaml');
export const productionValues = (): Obj => readYaml('charts/soraaya/values-production.yaml');

const isMap = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Helm's coalescing of -f files: maps merge key by key, anything else is replaced, null deletes. */
export function mergeValues(base: Obj, over: Obj): Obj {
  const out: Obj = structuredClone(base);
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else if (isMap(v) && isMap(out[k])) out[k] = mergeValues(out[k] as Obj, v);
    else out[k] = structuredClone(v);
  }
  return out;
}

export function templateFiles(): Record<string, string> {
  const dir = join(CHART_DIR, 'templates');
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

export interface Rendered {
  /** Every manifest, hooks included, in file order. */
  docs: Obj[];
  byFile: Record<string, Obj[]>;
  /** NOTES.txt as helm prints it after install. */
  notes: string;
  find(kind: string, name: string): Obj | undefined;
  all(kind: string): Obj[];
}

export function renderChart(values: Obj, opts: { isInstall: boolean; releaseName?: string } = { isInstall: true }): Rendered {
  const meta = chartMeta();
  const chart = new Chart(templateFiles());
  const out = chart.render({
    Values: values,
    Release: {
      Name: opts.releaseName ?? 'soraaya',
      Namespace: 'soraaya',
      Service: 'Helm',
      IsInstall: opts.isInstall,
      IsUpgrade: !opts.isInstall,
    },
    Chart: { Name: meta.name, Version: meta.version, AppVersion: meta.appVersion },
  });
  const byFile: Record<string, Obj[]> = {};
  for (const [file, text] of Object.entries(out)) {
    if (!file.endsWith('.yaml')) continue;
    byFile[file] = parseAllDocuments(text).flatMap((d) => {
      if (d.errors.length) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}\n${text}`);
      const js = d.toJS() as Obj | null;
      return js ? [js] : [];
    });
  }
  const docs = Object.values(byFile).flat();
  return {
    docs,
    byFile,
    notes: out['NOTES.txt'] ?? '',
    find: (kind, name) => docs.find((d) => d.kind === kind && d.metadata?.name === name),
    all: (kind) => docs.filter((d) => d.kind === kind),
  };
}

/**
 * Variables a service reads: the keys of its zod config schema (services/<svc>/src/config.ts)
 * and of service-kit's baseEnvSchema. Read as text; the chart must set nothing else.
 */
export function variablesRead(service: string): Set<string> {
  const names = new Set<string>();
  for (const file of [`services/${service}/src/config.ts`, 'libs/service-kit/src/config/load-config.ts']) {
    if (!existsSync(join(REPO, file))) continue;
    for (const m of readText(file).matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)) names.add(m[1]!);
  }
  return names;
}

/** Kubernetes quantity to a number (cores or bytes). */
export function quantity(q: string | number): number {
  if (typeof q === 'number') return q;
  const m = /^([0-9.]+)(m|k|Ki|Mi|Gi|Ti|M|G|T)?$/.exec(q);
  if (!m) throw new Error(`not a quantity: ${q}`);
  const unit: Record<string, number> = {
    '': 1,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
    Ti: 1024 ** 4,
  };
  return Number(m[1]) * unit[m[2] ?? '']!;
}

/** Does a matchLabels selector select an object with these labels? */
export const selects = (selector: Obj, labels: Obj): boolean => Object.entries(selector).every(([k, v]) => labels?.[k] === v);
