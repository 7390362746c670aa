/**
 * The check-in device's own memory (localStorage): the door's manifest, the queue of scans not
 * yet sent, the device name. Decisions without a network use the same rules as the server
 * (server/checkin/rules.ts), from the manifest.
 */
import { decideScan, firstScan, seatsLeft, type ScanOutcome } from "~/server/checkin/rules";

export type Person = { hash: string; name: string; organisation: string; category: string; booked: boolean };
export type DoorScan = {
  id: string;
  hash: string;
  scannedAt: string;
  device: string;
  walkIn: boolean;
  undone: boolean;
  /** Server's record order; absent while only this device knows the scan. */
  seq?: number;
};
export type Manifest = {
  door: string;
  title: string | null;
  generatedAt: string;
  /** The server time of the last pull of other devices' scans. */
  pulledAt: string;
  session: null | { bookingRequired: boolean; capacity: number | null; booked: number; walkIns: number };
  people: Person[];
  revoked: string[];
  scans: DoorScan[];
};
export type QueuedScan = {
  door: string;
  device: string;
  id: string;
  ticketHash: string;
  scannedAt: string;
  walkIn: boolean;
};

const MANIFEST = (door: string) => `spo-checkin:manifest:${door}`;
const QUEUE = "spo-checkin:queue";
const DEVICE = "spo-checkin:device";
const DOOR = "spo-checkin:door";

function read<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
const write = (key: string, value: unknown) => window.localStorage.setItem(key, JSON.stringify(value));

export const loadManifest = (door: string) => read<Manifest>(MANIFEST(door));
export const saveManifest = (m: Manifest) => write(MANIFEST(m.door), m);
export const loadQueue = () => read<QueuedScan[]>(QUEUE) ?? [];
export const saveQueue = (q: QueuedScan[]) => write(QUEUE, q);
export const loadDevice = () => read<string>(DEVICE) ?? "";
export const saveDevice = (name: string) => write(DEVICE, name);
export const loadDoor = () => read<string>(DOOR) ?? "";
export const saveDoor = (door: string) => write(DOOR, door);

/** Adds or replaces scans by id (a pull, or the server's answer to our own). */
export function mergeScans(m: Manifest, scans: DoorScan[]): Manifest {
  const byId = new Map(m.scans.map((s) => [s.id, s]));
  for (const s of scans) byId.set(s.id, s);
  return { ...m, scans: [...byId.values()] };
}

/** SHA-256 (hex) of a QR code's text, as the server stores it. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const asAdmission = (s: DoorScan) => ({ id: s.id, scannedAt: new Date(s.scannedAt), device: s.device, seq: s.seq });

/** The first scan of a ticket at this door that still counts. */
export function admissionOf(m: Manifest, hash: string) {
  return firstScan(m.scans.filter((s) => s.hash === hash && !s.undone).map(asAdmission));
}

/** Decides a scan from the manifest, as the server would with what this device knows. */
export function decideOffline(
  m: Manifest,
  hash: string,
  walkIn: boolean,
): { outcome: ScanOutcome; person: Person | null } {
  const person = m.people.find((p) => p.hash === hash) ?? null;
  const ticket = person ? { active: true } : m.revoked.includes(hash) ? { active: false } : null;
  const walkIns = new Set(m.scans.filter((s) => s.walkIn && !s.undone).map((s) => s.hash)).size;
  const session = m.session
    ? {
        bookingRequired: m.session.bookingRequired,
        booked: person?.booked ?? false,
        seatsLeft: seatsLeft({ capacity: m.session.capacity, booked: m.session.booked, walkIns }),
      }
    : null;
  return { outcome: decideScan({ ticket, session, earlier: admissionOf(m, hash), walkIn }), person };
}
