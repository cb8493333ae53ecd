import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A call back the person booked during the call (the agent's `book_callback`
 * tool). Kept on the call and acted on when the call ends, so the lead moves
 * once, after the conversation, not while it is still in progress.
 */
export class CallCallbackRequest1763870400000 implements MigrationInterface {
  name = 'CallCallbackRequest1763870400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table dialer.calls add column requested_callback_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table dialer.calls drop column requested_callback_at`);
  }
}
