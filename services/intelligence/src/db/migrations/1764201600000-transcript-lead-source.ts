import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lead's source as it was when the call was made, read from the lead
 * service with the rest of the lead when the call is stored: the performance
 * report groups calls by it. Calls stored before have none (reported as an
 * unknown source): this service cannot read leads on its own to fill them in.
 */
export class TranscriptLeadSource1764201600000 implements MigrationInterface {
  name = 'TranscriptLeadSource1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table intel.transcripts add column lead_source text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table intel.transcripts drop column lead_source`);
  }
}
