/** Latency samples in milliseconds and their percentiles. */
export class Latencies {
  private readonly samples: number[] = [];

  add(ms: number): void {
    this.samples.push(ms);
  }

  get count(): number {
    return this.samples.length;
  }

  percentile(p: number): number {
    if (!this.samples.length) return NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  }

  summary(): string {
    return `p50 ${this.percentile(50).toFixed(1)} ms, p95 ${this.percentile(95).toFixed(1)} ms, p99 ${this.percentile(99).toFixed(1)} ms (n=${this.count})`;
  }
}

/** Runs `task` `total` times with `concurrency` in flight. */
export async function runConcurrently(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
}
