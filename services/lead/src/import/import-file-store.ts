import { OBJECT_BUCKETS } from '@soraaya/contracts';
import type { Topology } from '@soraaya/service-kit';
import { StorageType, type JetStreamClient, type ObjectStore } from 'nats';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

const DAY_NANOS = 24 * 3600 * 1e9;

/**
 * Uploaded import files live in a JetStream object store: the gateway streams
 * the upload in, the import worker streams it out, and a restarted worker can
 * read the same bytes again to resume.
 */
export class ImportFileStore {
  private store: Promise<ObjectStore> | null = null;

  constructor(
    private readonly js: JetStreamClient,
    private readonly topology: Topology,
    private readonly replicas = 1,
  ) {}

  private bucket(): Promise<ObjectStore> {
    this.store ??= this.js.views.os(this.topology.bucket(OBJECT_BUCKETS.LEAD_IMPORTS), {
      description: 'Uploaded lead CSV files, kept a week for re-reads and audits',
      storage: StorageType.File,
      replicas: this.replicas,
      ttl: 7 * DAY_NANOS,
    });
    return this.store;
  }

  async size(name: string): Promise<number | null> {
    const info = await (await this.bucket()).info(name);
    return info && !info.deleted ? info.size : null;
  }

  async open(name: string): Promise<Readable | null> {
    const result = await (await this.bucket()).get(name);
    if (!result) return null;
    return Readable.fromWeb(result.data as unknown as WebReadableStream<Uint8Array>);
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
