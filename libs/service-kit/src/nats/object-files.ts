import { AckPolicy, DeliverPolicy, StorageType, type JetStreamClient, type ObjectStore } from 'nats';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Topology } from './topology';

const DAY_NANOS = 24 * 3600 * 1e9;

/**
 * Files in a JetStream object store bucket (uploads such as lead CSVs): the
 * gateway streams an upload in, a worker streams it out, and a restarted worker
 * can read the same bytes again to resume.
 */
export class ObjectFiles {
  private store: Promise<ObjectStore> | null = null;

  constructor(
    private readonly js: JetStreamClient,
    private readonly topology: Topology,
    private readonly bucketName: string,
    private readonly opts: { replicas?: number; ttlDays?: number; description?: string } = {},
  ) {}

  private get streamBucket(): string {
    return this.topology.bucket(this.bucketName);
  }

  private bucket(): Promise<ObjectStore> {
    this.store ??= this.js.views.os(this.streamBucket, {
      description: this.opts.description ?? 'Uploaded files',
      storage: StorageType.File,
      replicas: this.opts.replicas ?? 1,
      ttl: (this.opts.ttlDays ?? 7) * DAY_NANOS,
    });
    return this.store;
  }

  async size(name: string): Promise<number | null> {
    const info = await (await this.bucket()).info(name);
    return info && !info.deleted ? info.size : null;
  }

  /**
   * Streams an object's chunks with backpressure: a chunk is fetched only when
   * the reader wants more. (The client's own `get()` pushes the whole object
   * into memory as fast as the server sends it: 150 MB for a million-row file.)
   * The SHA-256 digest is checked at the end, so a damaged file fails loudly.
   */
  async open(name: string): Promise<Readable | null> {
    const store = await this.bucket();
    const info = await store.info(name);
    if (!info || info.deleted) return null;
    if (info.size === 0) return Readable.from([]);
    const stream = `OBJ_${this.streamBucket}`;
    const jsm = await this.js.jetstreamManager();
    const ci = await jsm.consumers.add(stream, {
      filter_subject: `$O.${this.streamBucket}.C.${info.nuid}`,
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.All,
      inactive_threshold: 60 * 1e9, // the server cleans it up if we vanish mid-read
    });
    const consumer = await this.js.consumers.get(stream, ci.name);
    const sha = createHash('sha256');
    let remaining = info.chunks;
    const release = () => jsm.consumers.delete(stream, ci.name).catch(() => undefined);
    return new Readable({
      highWaterMark: 4,
      objectMode: false,
      async read() {
        try {
          if (remaining === 0) {
            const digest = `SHA-256=${sha.digest('base64url')}`;
            if (digest.replace(/=+$/, '') !== info.digest.replace(/=+$/, '')) throw new Error(`stored file "${name}" is damaged (digest mismatch)`);
            await release();
            this.push(null);
            return;
          }
          const batch = await consumer.fetch({ max_messages: Math.min(4, remaining), expires: 10_000 });
          const chunks: Buffer[] = [];
          for await (const m of batch) chunks.push(Buffer.from(m.data));
          if (chunks.length === 0) throw new Error(`stored file "${name}" stopped arriving (${remaining} chunks missing)`);
          remaining -= chunks.length;
          // Pushed only after the fetch completes: the next read() comes once these are consumed.
          for (const chunk of chunks) {
            if (!chunk.length) continue;
            sha.update(chunk);
            this.push(chunk);
          }
        } catch (err) {
          await release();
          this.destroy(err as Error);
        }
      },
    });
  }

  async delete(name: string): Promise<void> {
    await (await this.bucket()).delete(name).catch(() => undefined);
  }

  async put(name: string, content: Readable | Buffer | string): Promise<number> {
    const readable = typeof content === 'string' || Buffer.isBuffer(content) ? Readable.from([Buffer.from(content)]) : content;
    const info = await (await this.bucket()).put({ name }, Readable.toWeb(readable) as unknown as ReadableStream<Uint8Array>);
    return info.size;
  }

  async ensure(): Promise<void> {
    await this.bucket();
  }
}
