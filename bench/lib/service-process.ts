import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Node flags services run with in production: a capped old generation keeps a
 * service's heap (and so its RSS) near what it uses instead of what V8 would
 * lazily grow to. SERVICE_NODE_FLAGS overrides it for experiments.
 */
export const DEFAULT_NODE_FLAGS = '--max-old-space-size=160';

/** A service started as its own process, as in production, so its memory can be read from /proc. */
export class ServiceProcess {
  private peakRssKb = 0;
  private sampler: NodeJS.Timeout | null = null;
  private constructor(readonly child: ChildProcess) {}

  static async start(entry: string, env: Record<string, string>, port: number): Promise<ServiceProcess> {
    const child = spawn(process.execPath, ['--enable-source-maps', ...(process.env.SERVICE_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVICE_PROFILE_DIR}`] : []), ...(process.env.SERVICE_NODE_FLAGS ?? DEFAULT_NODE_FLAGS).split(' ').filter(Boolean), entry], { env: { ...process.env, ...env, HTTP_PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
    const svc = new ServiceProcess(child);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await sleep(200);
    }
    svc.sampler = setInterval(() => svc.sample(), 100);
    return svc;
  }

  /** The largest process in the tree is the service (a wrapper, if any, is small). */
  private sample(): void {
    for (const pid of this.tree(this.child.pid!)) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        if (hwm > this.peakRssKb) this.peakRssKb = hwm;
      } catch {
        /* process gone */
      }
    }
  }

  private tree(pid: number): number[] {
    const out = [pid];
    try {
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      for (const c of children) out.push(...this.tree(c));
    } catch {
      /* gone */
    }
    return out;
  }

  peakRssMb(): number {
    this.sample();
    return this.peakRssKb / 1024;
  }

  async stop(): Promise<void> {
    if (this.sampler) clearInterval(this.sampler);
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await new Promise((r) => this.child.once('exit', r));
  }
}
