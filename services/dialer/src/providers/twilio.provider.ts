import twilio from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient';
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

const TWILIO_API = 'https://api.twilio.com';

/** Sends the SDK's requests to another origin, keeping path, auth and form body as Twilio defines them. */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly origin: string) {
    super();
  }

  override request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    const uri = opts.uri.startsWith(TWILIO_API) ? this.origin + opts.uri.slice(TWILIO_API.length) : opts.uri;
    return super.request<TData>({ ...opts, uri });
  }
}

/**
 * Calls through Twilio with status callbacks for every state and answering
 * machine detection (AnsweredBy tells a voicemail from a person).
 */
export class TwilioProvider implements TelephonyProvider {
  readonly name = 'twilio';
  private readonly client: ReturnType<typeof twilio>;

  constructor(private readonly config: TwilioProviderConfig) {
    const origin = config.apiBaseUrl?.replace(/\/+$/, '');
    this.client = twilio(
      config.accountSid,
      config.authToken,
      origin && origin !== TWILIO_API ? { httpClient: new RebasedRequestClient(origin) } : {},
    );
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
