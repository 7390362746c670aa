/**
 * Russian messages, one JSON file per area so that areas can grow independently.
 * Top-level keys (namespaces) must not repeat across files: a test checks it.
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

export const parts: Record<string, Record<string, unknown>> = {
  a11y,
  account,
  booking,
  checkin,
  common,
  programme,
  mail,
  organiser,
  meeting,
};

export const messages: Record<string, unknown> = Object.assign({}, ...Object.values(parts));
