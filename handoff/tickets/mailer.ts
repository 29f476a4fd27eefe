import nodemailer, { type Transporter } from 'nodemailer';
import { HandoffError } from '../errors';
import { parseSmtpConfig, type SmtpConfig, type SmtpConfigInput } from './smtp-config';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly replyTo?: string;
}

/** Sends one e-mail; throws a HandoffError with code MAIL_FAILED (and the SMTP error as cause). */
export interface Mailer {
  send(message: MailMessage): Promise<{ readonly messageId: string }>;
  close(): Promise<void>;
}

/** A real SMTP client (nodemailer) over one pooled connection. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  private readonly config: SmtpConfig;

  constructor(config: SmtpConfigInput) {
    this.config = parseSmtpConfig(config);
    this.transport = nodemailer.createTransport({
      host: this.config.host,
      port: this.config.port,
      secure: this.config.secure,
      ignoreTLS: this.config.ignoreTLS,
      auth: this.config.auth,
      connectionTimeout: this.config.timeoutMs,
      greetingTimeout: this.config.timeoutMs,
      socketTimeout: this.config.timeoutMs,
    });
  }

  async send(message: MailMessage): Promise<{ readonly messageId: string }> {
    try {
      const info = await this.transport.sendMail({ from: this.config.from, ...message });
      return { messageId: String(info.messageId) };
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new HandoffError('MAIL_FAILED', `sending the ticket answer to ${message.to} failed: ${detail}`, {
        cause,
      });
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
