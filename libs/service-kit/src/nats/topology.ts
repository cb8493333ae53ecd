import { STREAMS, deadLetterSubject, type StreamName } from '@soraaya/contracts';

/**
 * Maps contract names (streams, subjects, consumers, buckets) to the names used
 * on the wire. A non-empty prefix isolates an environment or a test suite that
 * shares one NATS server with others.
 */
export class Topology {
  constructor(readonly prefix: string = '') {}

  stream(name: StreamName): string {
    return this.prefix ? `${this.prefix}_${name}` : name;
  }

  subject(subject: string): string {
    return this.prefix ? `${this.prefix}.${subject}` : subject;
  }

  /** The subject as the contracts know it (what an event definition names). */
  unprefixSubject(subject: string): string {
    return this.prefix && subject.startsWith(`${this.prefix}.`) ? subject.slice(this.prefix.length + 1) : subject;
  }

  streamSubjects(name: StreamName): string[] {
    return STREAMS[name].subjects.map((s) => this.subject(s));
  }

  deadLetter(name: StreamName): string {
    return this.subject(deadLetterSubject(name));
  }

  consumer(durable: string): string {
    return this.prefix ? `${this.prefix}_${durable}` : durable;
  }

  bucket(name: string): string {
    return this.prefix ? `${this.prefix}_${name}` : name;
  }
}
