/**
 * Test support: a real SMTP server on 127.0.0.1 that records what it receives, can refuse
 * recipients on demand, and a minimal parser of the raw messages. Only tests import this.
 */
import type { AddressInfo } from "node:net";
import net from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import type { MailTransport } from "~/server/mail/transport";

export type ReceivedMail = { envelopeTo: string[]; raw: string };

export type SmtpSink = {
  port: number;
  received: ReceivedMail[];
  /** While true, every RCPT TO gets "450 4.2.0 Mailbox busy" (a temporary failure). */
  failing: boolean;
  /** Milliseconds to hold each DATA before accepting it (to widen race windows). */
  delayMs: number;
  transport: () => MailTransport;
  reset: () => void;
  close: () => Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink = {
    port: 0,
    received: [] as ReceivedMail[],
    failing: false,
    delayMs: 0,
  };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!sink.failing) return callback();
      callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 450 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        setTimeout(() => {
          sink.received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        }, sink.delayMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  sink.port = (server.server.address() as AddressInfo).port;
  return Object.assign(sink, {
    transport: () => smtpTestTransport(sink.port),
    reset: () => {
      sink.received.length = 0;
      sink.failing = false;
      sink.delayMs = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A plain-SMTP nodemailer transport to 127.0.0.1:port (no TLS, short timeouts). */
export function smtpTestTransport(port: number): MailTransport {
  return nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 2_000,
    greetingTimeout: 2_000,
    socketTimeout: 5_000,
  });
}

/** A port on 127.0.0.1 where nothing listens (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------------------------------
// Minimal MIME parsing: enough for nodemailer's multipart/alternative with UTF-8 parts.

export type ParsedPart = { headers: Map<string, string>; body: string };
export type ParsedMail = ParsedPart & { parts: ParsedPart[] };

function splitHeaders(raw: string): ParsedPart {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at === -1 ? raw : raw.slice(0, at);
  const body = at === -1 ? "" : raw.slice(at).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeQuotedPrintable(s: string): Buffer {
  const text = s.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(part: ParsedPart): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(part.body).toString("utf8");
  return part.body;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header value. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")).toString("utf8"),
    );
}

/** Headers (lower-case names, raw values), the decoded body, and decoded multipart parts. */
export function parseMail(raw: string): ParsedMail {
  const top = splitHeaders(raw);
  const type = top.headers.get("content-type") ?? "";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return { ...top, body: decodeBody(top), parts: [] };
  const parts = top.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith("--"))
    .map((chunk) => {
      const part = splitHeaders(chunk.replace(/^\r?\n/, ""));
      return { headers: part.headers, body: decodeBody(part).replace(/\r?\n$/, "") };
    });
  return { headers: top.headers, body: "", parts };
}
