import { createLogger } from '@soraaya/service-kit';
import { SmsSender } from '../services/notification/src/delivery/senders';
import { startFakeTwilio, type FakeProvider } from './support/fake-providers';

/** The notification service's Twilio SMS driver, unchanged, against a local server speaking Twilio's Messages API. */
const SID = `AC${'fedcba9876543210'.repeat(2)}`;
const TOKEN = 'twilio-auth-token-for-sms-0123456789';

describe('SMS through Twilio', () => {
  let twilio: FakeProvider;
  const sender = () => new SmsSender({ driver: 'twilio', accountSid: SID, authToken: TOKEN, from: '+912240001111', apiBaseUrl: twilio.url }, createLogger('test', 'silent'));
  beforeAll(async () => {
    twilio = await startFakeTwilio(SID, TOKEN);
  });
  afterAll(async () => {
    await twilio.stop();
  });

  it('posts the message form-encoded with Basic auth and returns the message sid', async () => {
    const sid = await sender().send({ to: '+919820012345', subject: '[high] Lead asked for a person', text: 'Call them back today.' });
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.requests).toHaveLength(1);
    const req = twilio.requests[0]!;
    expect(req.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    expect(req.body).toEqual({ To: '+919820012345', From: '+912240001111', Body: '[high] Lead asked for a person: Call them back today.' });
  });

  it('throws when Twilio refuses, so the delivery is retried', async () => {
    twilio.failing = true;
    await expect(sender().send({ to: '+919820012345', subject: 's', text: 't' })).rejects.toThrow(/Internal Server Error/);
  });
});
