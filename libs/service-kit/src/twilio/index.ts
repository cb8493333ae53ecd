import twilio from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient';

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
 * A Twilio REST client; with `apiBaseUrl` its requests go to that origin instead
 * of https://api.twilio.com (a proxy, or a local server speaking Twilio's API in
 * tests). A subpath export (`@soraaya/service-kit/twilio`) so only the services
 * that talk to Twilio load the SDK.
 */
export function twilioClient(accountSid: string, authToken: string, apiBaseUrl?: string): ReturnType<typeof twilio> {
  const origin = apiBaseUrl?.replace(/\/+$/, '');
  return twilio(accountSid, authToken, origin && origin !== TWILIO_API ? { httpClient: new RebasedRequestClient(origin) } : {});
}
