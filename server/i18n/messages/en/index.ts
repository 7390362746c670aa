/**
 * English messages: the same files and keys as the Russian ones (server/i18n/messages/ru).
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
