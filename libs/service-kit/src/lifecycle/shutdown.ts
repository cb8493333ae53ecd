import type { Logger } from '../logging/logger';

type Step = { name: string; run: () => Promise<unknown> };

/**
 * Ordered shutdown: steps run in the reverse order they were registered (last
 * started, first stopped), each bounded by a timeout so one stuck dependency
 * cannot keep a pod in Terminating forever.
 */
export class Shutdown {
  private readonly steps: Step[] = [];
  private done: Promise<void> | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly stepTimeoutMs = 10_000,
  ) {}

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            step.run(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error(`timed out after ${this.stepTimeoutMs} ms`)), this.stepTimeoutMs);
            }),
          ]);
        } catch (err) {
          this.logger.warn({ err, step: step.name }, 'shutdown step failed');
        } finally {
          clearTimeout(timer);
        }
      }
    })();
    return this.done;
  }
}

/** Wires SIGTERM/SIGINT to a graceful stop, then exits. A second signal exits at once. */
export function exitOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      logger.info({ signal }, 'shutting down');
      stop()
        .then(() => process.exit(0))
        .catch((err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        });
    });
  }
}
