import { twilioClient } from '@soraaya/service-kit/twilio';
import type { PlaceCallRequest, TelephonyProvider } from './provider';

export interface TwilioProviderConfig {
  accountSid: string;
  authToken: string;
  from: string;
  /** TwiML for the call (a VAPI SIP bridge or a Twilio Studio flow). */
  twimlUrl: string;
  /** The gateway's public base URL; status callbacks go to /webhooks/twilio/voice. */
  publicBaseUrl: string;
  /** Where Twilio's REST API is reached; https://api.twilio.com unless a proxy (or a local fake in tests) sits in front. */
  apiBaseUrl?: string;
}

/**
 * Calls through Twilio with status callbacks for every state and answering
 * machine detection (AnsweredBy tells a voicemail from a person).
 */
export class TwilioProvider implements TelephonyProvider {
  readonly name = 'twilio';
  private readonly client: ReturnType<typeof twilioClient>;

  constructor(private readonly config: TwilioProviderConfig) {
    this.client = twilioClient(config.accountSid, config.authToken, config.apiBaseUrl);
  }

  async placeCall(req: PlaceCallRequest): Promise<{ providerCallId: string }> {
    const call = await this.client.calls.create({
      to: req.to,
      from: this.config.from,
      url: `${this.config.twimlUrl}${this.config.twimlUrl.includes('?') ? '&' : '?'}callId=${req.callId}`,
      statusCallback: new URL('/webhooks/twilio/voice', this.config.publicBaseUrl).toString(),
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      statusCallbackMethod: 'POST',
      machineDetection: 'Enable',
      timeout: 30,
    });
    return { providerCallId: call.sid };
  }
}
