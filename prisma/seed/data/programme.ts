import { day1Sessions } from "./programme-day1";
import { day2Sessions } from "./programme-day2";
import { day3Sessions } from "./programme-day3";
import { day4Sessions } from "./programme-day4";
import { day5Sessions } from "./programme-day5";
import type { SessionSeed } from "./types";

export { speakers } from "./programme-speakers";

/**
 * The demo programme of the 2025 forum: plausible but invented, to be replaced by the organisers.
 * Day 1 opens with the plenary at 10:00, then slots 12:30, 15:00 and 17:00. Days 2–5 run in the same
 * slots (09:30–11:00, 11:30–13:00, 14:30–16:00, 16:30–18:00); the August meeting holds the plenary
 * hall on day 2 from 10:00 to 14:00, and the closing plenary is at 14:00 on day 5. Each track has at
 * most one main session per slot, so its speakers never clash; small workshops run beside them with
 * other people. The unit test (data.test.ts) checks rooms, speakers and references for clashes.
 */
export const sessions: SessionSeed[] = [
  ...day1Sessions,
  ...day2Sessions,
  ...day3Sessions,
  ...day4Sessions,
  ...day5Sessions,
];
