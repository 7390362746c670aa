/**
 * Russian messages, one JSON file per area so that areas can grow independently.
 * Top-level keys (namespaces) must not repeat across files: a test checks it. Every other locale
 * has the same files and the same keys (messages.test.ts).
 */
import a11y from "./a11y.json";
import account from "./account.json";
import audit from "./audit.json";
import booking from "./booking.json";
import checkin from "./checkin.json";
import common from "./common.json";
import dashboard from "./dashboard.json";
import desk from "./desk.json";
import mail from "./mail.json";
import meeting from "./meeting.json";
import offline from "./offline.json";
import organiser from "./organiser.json";
import peoplePicker from "./people-picker.json";
import programme from "./programme.json";
import questions from "./questions.json";
import registrationAdmin from "./registration-admin.json";
import server from "./server.json";
import views from "./views.json";
import sessionPage from "./session-page.json";

export const parts = {
  a11y,
  account,
  audit,
  booking,
  checkin,
  common,
  dashboard,
  desk,
  programme,
  questions,
  registrationAdmin,
  mail,
  organiser,
  peoplePicker,
  meeting,
  offline,
  server,
  views,
  sessionPage,
};
export type Parts = typeof parts;

export const messages: Record<string, unknown> = Object.assign({}, ...Object.values(parts));
