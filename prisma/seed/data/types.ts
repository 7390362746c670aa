export type FederalDistrictCode =
  "CENTRAL" | "NORTHWESTERN" | "SOUTHERN" | "NORTH_CAUCASIAN" | "VOLGA" | "URAL" | "SIBERIAN" | "FAR_EASTERN";

export type SessionFormatCode =
  "PLENARY" | "PARTNERSHIP_SESSION" | "PROJECT_SESSION" | "ROUND_TABLE" | "PANEL_DISCUSSION" | "MEETING";

export type RegionSeed = { code: string; name: string; federalDistrict: FederalDistrictCode };

export type TrackSeed = { code: string; title: string; description: string; color: string; order: number };

export type RoomSeed = { name: string; capacity: number; floor: string };

export type SpeakerSeed = { key: string; fullName: string; position: string; organisation: string; bio: string };

export type SessionSeed = {
  /** Stable, unique, kebab-case. */
  key: string;
  /** 1 = 25 August … 5 = 29 August. */
  day: 1 | 2 | 3 | 4 | 5;
  /** "HH:MM", Moscow time. */
  start: string;
  /** "HH:MM", Moscow time, after start, same day. */
  end: string;
  /** null for cross-track items (opening plenary, August meeting). */
  trackCode: string | null;
  roomName: string;
  format: SessionFormatCode;
  title: string;
  /** 2–4 sentences of plain Russian text; paragraphs separated by "\n\n". */
  description: string;
  capacity: number | null;
  isClosed: boolean;
  speakers: { key: string; role: "MODERATOR" | "SPEAKER" }[];
};

export type EditionSeed = {
  slug: string;
  name: string;
  shortName: string;
  city: string;
  venue: string;
  /** First day, "YYYY-MM-DD" in the edition's time zone. */
  startDate: string;
  /** Last day (inclusive), "YYYY-MM-DD" in the edition's time zone. */
  endDate: string;
  timeZone: string;
  isDemo: boolean;
};
