/**
 * Russian messages, one JSON file per area so that areas can grow independently.
 * Top-level keys (namespaces) must not repeat across files: a test checks it. Every other locale
 * has the same files and the same keys (messages.test.ts).
 */
import a11y from "./a11y.json";
import account from "./account.json";
import booking from "./booking.json";
import checkin from "./checkin.json";
import common from "./common.json";
import mail from "./mail.json";
import meeting from "./meeting.json";
import organiser from "./organiser.json";
import programme from "./programme.json";
import server from "./server.json";
import sessionPage from "./session-page.json";

export const parts = {
  a11y,
  account,
  booking,
  checkin,
  common,
  programme,
  mail,
  organiser,
  meeting,
  server,
  sessionPage,
};
export type Parts = typeof parts;

export const messages: Record<string, unknown> = Object.assign({}, ...Object.values(parts));
