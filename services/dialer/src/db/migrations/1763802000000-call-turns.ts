import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The conversation with its timings (VAPI artifact.messages), beside the text transcript, for transcript intelligence. */
export class CallTurns1763802000000 implements MigrationInterface {
  name = 'CallTurns1763802000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table dialer.calls add column turns jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table dialer.calls drop column turns`);
  }
}
