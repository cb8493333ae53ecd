import { ConflictError, NotFoundError, queryRows, uuid7 } from '@soraaya/service-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { idParams, type ApiRoutes } from '../http/api-route';
import { toPhoneLine, type PhoneLineDirectory } from '../tenants/phone-lines';

const phoneLineSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  number: z.string(),
  vapiPhoneNumberId: z.string().nullable(),
  label: z.string(),
  campaignId: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});

const phoneLineBody = z
  .object({
    number: z
      .string()
      .trim()
      .transform((s) => s.replace(/[\s()-]/g, ''))
      .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +912250001234')),
    vapiPhoneNumberId: z.string().trim().min(1).max(100).optional(),
    label: z.string().trim().min(1, 'is required').max(80),
    /** The campaign whose persona answers callers who are not leads of any campaign. */
    campaignId: z.uuid().optional(),
  })
  .strict();

/**
 * The organisation's own phone numbers, so inbound calls (callers ringing back)
 * reach the right tenant's assistant. Admins only: a wrong line routes callers
 * to the wrong organisation.
 */
export function registerPhoneLineRoutes(api: ApiRoutes, deps: { ds: DataSource; lines: PhoneLineDirectory }): void {
  const { ds, lines } = deps;

  api.add({
    method: 'GET',
    url: '/api/v1/phone-lines',
    summary: 'List the organisation’s inbound phone lines',
    tag: 'phone-lines',
    access: 'phone_lines:manage',
    response: z.array(phoneLineSchema),
    handler: async ({ auth }) => (await ds.query(`select * from gateway.phone_lines where tenant_id = $1 order by label, number_e164`, [auth.tid])).map(toPhoneLine),
  });

  api.add({
    method: 'POST',
    url: '/api/v1/phone-lines',
    summary: 'Register a phone line for inbound calls',
    tag: 'phone-lines',
    access: 'phone_lines:manage',
    body: phoneLineBody,
    response: phoneLineSchema,
    status: 201,
    handler: async ({ auth, body }) => {
      try {
        const rows = await ds.query(
          `insert into gateway.phone_lines (id, tenant_id, number_e164, vapi_phone_number_id, label, campaign_id) values ($1, $2, $3, $4, $5, $6) returning *`,
          [uuid7(), auth.tid, body.number, body.vapiPhoneNumberId ?? null, body.label, body.campaignId ?? null],
        );
        lines.forget();
        return toPhoneLine(rows[0]);
      } catch (err) {
        // Unique across tenants on purpose: one number can only ring one organisation. Say which field, not whose.
        if ((err as { code?: string }).code === '23505') {
          const field = /vapi_phone_number_id/.test((err as { detail?: string }).detail ?? '') ? `VAPI phone number id ${body.vapiPhoneNumberId}` : `number ${body.number}`;
          throw new ConflictError(`The ${field} is already registered`);
        }
        throw err;
      }
    },
  });

  api.add({
    method: 'DELETE',
    url: '/api/v1/phone-lines/:id',
    summary: 'Remove a phone line',
    tag: 'phone-lines',
    access: 'phone_lines:manage',
    params: idParams,
    response: z.object({ id: z.uuid() }),
    handler: async ({ auth, params }) => {
      const rows = await queryRows<{ id: string }>(ds.manager, `delete from gateway.phone_lines where id = $1 and tenant_id = $2 returning id`, [params.id, auth.tid]);
      if (!rows[0]) throw new NotFoundError(`Phone line ${params.id} not found`);
      lines.forget();
      return { id: rows[0].id };
    },
  });
}
