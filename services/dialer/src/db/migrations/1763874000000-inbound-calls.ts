import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls leads make to us (answered through VAPI's assistant-request) are kept
 * beside the ones we dial, so their transcripts reach intelligence too. They
 * are not attempts: attempt 0, outside the one-call-per-attempt rule, no queue.
 */
export class InboundCalls1763874000000 implements MigrationInterface {
  name = 'InboundCalls1763874000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table dialer.calls add column direction text not null default 'outbound' check (direction in ('outbound', 'inbound'))`);
    await q.query(`drop index dialer.calls_one_per_attempt`);
    await q.query(`create unique index calls_one_per_attempt on dialer.calls (campaign_id, lead_id, attempt) where direction = 'outbound'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from dialer.calls where direction = 'inbound'`);
    await q.query(`drop index dialer.calls_one_per_attempt`);
    await q.query(`create unique index calls_one_per_attempt on dialer.calls (campaign_id, lead_id, attempt)`);
    await q.query(`alter table dialer.calls drop column direction`);
  }
}
