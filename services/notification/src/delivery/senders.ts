import type { Logger } from '@soraaya/service-kit';
import { uuid7 } from '@soraaya/service-kit';
import nodemailer, { type Transporter } from 'nodemailer';
import { twilioClient } from '@soraaya/service-kit/twilio';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

/** One outside channel. Resolves with the provider's id for the message; throws when it was not accepted. */
export interface ChannelSender {
  send(msg: OutgoingMessage): Promise<string>;
}

/**
 * Email through nodemailer: SMTP in production; the `log` driver uses
 * nodemailer's JSON transport (the full message is built, then logged), so a
 * local run shows exactly what would have been sent.
 */
export class EmailSender implements ChannelSender {
  private readonly transport: Transporter;

  constructor(
    private readonly opts: { driver: 'log' | 'smtp'; smtpUrl?: string; from: string },
    private readonly logger: Logger,
  ) {
    this.transport = opts.driver === 'smtp' ? nodemailer.createTransport(opts.smtpUrl!, { connectionTimeout: 10_000, greetingTimeout: 10_000 } as never) : nodemailer.createTransport({ jsonTransport: true });
  }

  async send(msg: OutgoingMessage): Promise<string> {
    const info = await this.transport.sendMail({ from: this.opts.from, to: msg.to, subject: msg.subject, text: msg.text });
    if (this.opts.driver === 'log') this.logger.info({ email: JSON.parse(String(info.message)) }, 'email (log driver)');
    return info.messageId;
  }
}

/** SMS through Twilio's Messages API, or logged by the `log` driver. */
export class SmsSender implements ChannelSender {
  private readonly client: ReturnType<typeof twilioClient> | null;

  constructor(
    private readonly opts: { driver: 'log' | 'twilio'; accountSid?: string | undefined; authToken?: string | undefined; from?: string | undefined; apiBaseUrl?: string | undefined },
    private readonly logger: Logger,
  ) {
    this.client = opts.driver === 'twilio' ? twilioClient(opts.accountSid!, opts.authToken!, opts.apiBaseUrl) : null;
  }

  async send(msg: OutgoingMessage): Promise<string> {
    if (!this.client) {
      this.logger.info({ sms: { to: msg.to, body: msg.text } }, 'sms (log driver)');
      return `log-${uuid7()}`;
    }
    const sent = await this.client.messages.create({ to: msg.to, from: this.opts.from!, body: `${msg.subject}: ${msg.text}`.slice(0, 1500) });
    return sent.sid;
  }
}
