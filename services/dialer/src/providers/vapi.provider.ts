import { VapiClient, VapiError } from '@vapi-ai/server-sdk';
import { buildAssistant } from '@soraaya/contracts';
import { scriptContext, templateValues, type PlaceCallRequest, type TelephonyProvider } from './provider';

export interface VapiProviderConfig {
  apiKey: string;
  phoneNumberId: string;
  /** A base assistant in the VAPI dashboard; each call overrides it with the persona. */
  assistantId: string;
  baseUrl?: string;
}

/**
 * Calls through VAPI: the campaign persona becomes assistant overrides (first
 * message, system prompt, voice, variable values), and metadata ties every
 * webhook of the call back to our tenant, lead, campaign and call ids.
 */
export class VapiProvider implements TelephonyProvider {
  readonly name = 'vapi';
  private readonly client: VapiClient;

  constructor(private readonly config: VapiProviderConfig) {
    this.client = new VapiClient({
      token: config.apiKey,
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      maxRetries: 0,
      timeoutInSeconds: 15,
    });
  }

  async placeCall(req: PlaceCallRequest): Promise<{ providerCallId: string }> {
    const metadata = { tenantId: req.tenantId, leadId: req.leadId, campaignId: req.campaignId, callId: req.callId, attempt: req.attempt };
    // With a persona the call gets its script, voice and tools; without one the base assistant speaks as configured.
    const built = req.persona ? buildAssistant({ ...scriptContext(req), persona: req.persona, direction: 'outbound', metadata }) : null;
    const overrides = built ? { ...built.assistant, variableValues: built.variableValues } : { variableValues: templateValues(req), metadata };
    const call = await this.client.calls
      .create({
        phoneNumberId: this.config.phoneNumberId,
        assistantId: this.config.assistantId,
        customer: { number: req.to, name: req.lead.contactPerson },
        assistantOverrides: overrides as never,
        metadata,
      } as never)
      .catch((err: unknown) => {
        throw describeVapiError(err);
      });
    const id = (call as { id?: string }).id;
    if (!id) throw new Error('VAPI answered without a call id');
    return { providerCallId: id };
  }
}

/** One line for logs, the breaker and the pause reason: status and VAPI's own message, not the SDK's multi-line dump. */
function describeVapiError(err: unknown): Error {
  if (!(err instanceof VapiError)) return err as Error;
  const body = err.body as { message?: unknown } | undefined;
  const message = Array.isArray(body?.message)
    ? body.message.join('; ')
    : typeof body?.message === 'string'
      ? body.message
      : err.message.split('\n')[0];
  return new Error(`VAPI POST /call answered ${err.statusCode ?? 'without a status'}: ${message}`);
}
