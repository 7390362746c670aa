/**
 * The SMTP transport built from SMTP_URL. Timeouts are kept well under the worker's lease
 * (rules.ts LEASE_MS) so that a hanging server cannot outlive a claim and let another
 * worker send the same message.
 */
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "~/server/env";

/** What the worker needs of a nodemailer transporter (tests may pass any). */
export type MailTransport = {
  sendMail(mail: Mail.Options): Promise<unknown>;
  close?: () => void;
};

/** A nodemailer SMTP transport for smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. */
export function createSmtpTransport(url: string): MailTransport {
  const options: SMTPTransport.Options = {
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    dnsTimeout: 10_000,
  };
  return nodemailer.createTransport(options);
}

/** The transport SMTP_URL names, or null when it is unset (mail then stays in the outbox). */
export function mailTransportFromEnv(): MailTransport | null {
  return env.SMTP_URL ? createSmtpTransport(env.SMTP_URL) : null;
}
