import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A callback the lead asked for is kept on the queue row: it is dialed at that
 * time even when the campaign's attempts are used up (max attempts limits
 * unanswered retries, not a conversation the lead wants to continue).
 */
export class QueueCallbackAt1763780400000 implements MigrationInterface {
  name = 'QueueCallbackAt1763780400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table dialer.queue add column callback_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table dialer.queue drop column callback_at`);
  }
}
