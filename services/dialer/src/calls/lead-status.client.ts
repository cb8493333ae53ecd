import { changeLeadStatusV1, type LeadStatus, type RequestMeta } from '@soraaya/contracts';
import { AppError, type Logger, type RpcClient } from '@soraaya/service-kit';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Moves a lead through the lead service's own command, as the dialer. A person
 * may have moved the lead meanwhile (409): the person wins and the dialer just
 * logs it. An unreachable lead service is retried a few times.
 */
export class LeadStatusClient {
  constructor(
    private readonly rpc: RpcClient,
    private readonly logger: Logger,
  ) {}

  async move(tenantId: string, leadId: string, path: LeadStatus[], correlationId: string, callbackAt?: string): Promise<void> {
    const meta: RequestMeta = { tenantId, actor: { type: 'service', id: 'dialer' }, correlationId };
    for (const status of path) {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.rpc.request(changeLeadStatusV1, meta, { id: leadId, status, ...(callbackAt ? { callbackAt } : {}) });
          break;
        } catch (err) {
          if (err instanceof AppError && (err.status === 409 || err.status === 404 || err.status === 400)) {
            this.logger.info({ leadId, status, reason: err.message }, 'lead status left as it is');
            break;
          }
          if (attempt >= 3) {
            this.logger.error({ err, leadId, status }, 'could not update the lead status');
            return;
          }
          await sleep(250 * attempt);
        }
      }
    }
  }
}
