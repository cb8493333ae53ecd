/**
 * Compiles each service to one JavaScript file in dist/<service>/main.js with
 * esbuild: workspace code (services and libs, TypeScript) is bundled; packages
 * from node_modules stay external and load as usual. This is what images and
 * benches run; `npm start` runs the TypeScript directly with tsx.
 *
 *   tsx scripts/build-services.ts [service...]
 */
import { build, type Plugin } from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

const externalPackages: Plugin = {
  name: 'external-node-modules',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@soraaya/') ? undefined : { path: args.path, external: true }));
  },
};

/** Bundles one service to `<outDir>/<name>/main.js`. A test building its own copy passes an outDir under the repository (its packages resolve from the root node_modules). */
export async function buildService(name: string, outDir = join(root, 'dist')): Promise<string> {
  const entry = join(root, 'services', name, 'src', 'main.ts');
  if (!existsSync(entry)) throw new Error(`no service ${name} (looked for ${entry})`);
  const outfile = join(outDir, name, 'main.js');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [externalPackages],
  });
  return outfile;
}

if (require.main === module) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(join(root, 'services'));
  Promise.all(names.map(async (n) => console.log(`built ${await buildService(n)}`))).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
