"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPCClient } from "~/app/_trpc/react";
import { Camera } from "~/app/checkin/camera";
import {
  admissionOf,
  decideOffline,
  loadDevice,
  loadDoor,
  loadManifest,
  loadQueue,
  mergeScans,
  saveDevice,
  saveDoor,
  saveManifest,
  saveQueue,
  sha256Hex,
  type DoorScan,
  type Manifest,
  type Person,
  type QueuedScan,
} from "~/app/checkin/store";
import type { ScanOutcome } from "~/server/checkin/rules";

export type DoorOption = { door: string; label: string };
type Shown = {
  outcome: ScanOutcome;
  person: Pick<Person, "name" | "organisation"> | null;
  hash: string;
  offline: boolean;
};
type Found = Person & { admitted: { at: Date; device: string } | null };

const SYNC_MS = 15_000;
const QR_TEXT = /^[A-Za-z0-9_-]{43}$/;

const toDoorScan = (s: {
  id: string;
  seq?: number;
  hash: string;
  scannedAt: Date;
  device: string;
  walkIn: boolean;
  undone: boolean;
}): DoorScan => ({
  ...s,
  scannedAt: new Date(s.scannedAt).toISOString(),
});

/** A network failure (the scan is then decided locally), as opposed to an answer from the server. */
const isNetworkError = (error: unknown) => !(error as { data?: unknown }).data && !(error as { shape?: unknown }).shape;

export function CheckinDesk({ doors }: { doors: DoorOption[] }) {
  const t = useTranslations("checkinDesk");
  const tc = useTranslations("categories");
  const format = useFormatter();
  const client = useTRPCClient();
  const [device, setDevice] = useState("");
  const [door, setDoor] = useState("");
  const [working, setWorking] = useState(false);
  const [manifest, setManifest] = useState<Manifest | null>(null);
  const [queue, setQueue] = useState<QueuedScan[]>([]);
  const [online, setOnline] = useState(true);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState("");
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Found[] | null>(null);
  const manifestRef = useRef<Manifest | null>(null);
  const deviceRef = useRef<HTMLInputElement>(null);
  const doorRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    // What this device remembered is read after hydration (the server has no localStorage). What
    // was typed or chosen before the page came alive (a slow phone) is kept, not replaced.
    setDevice(deviceRef.current?.value || loadDevice());
    setDoor(doorRef.current?.value || loadDoor());
    setQueue(loadQueue());
    setOnline(navigator.onLine);
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);

  const keep = useCallback((m: Manifest) => {
    saveManifest(m);
    manifestRef.current = m;
    setManifest(m);
  }, []);

  const download = useCallback(async () => {
    const m = await client.checkin.manifest.query({ door });
    keep({
      door: m.door,
      title: m.title,
      generatedAt: new Date(m.generatedAt).toISOString(),
      pulledAt: new Date(m.generatedAt).toISOString(),
      session: m.session,
      people: m.people,
      revoked: m.revoked,
      scans: m.scans.map(toDoorScan),
    });
  }, [client, door, keep]);

  /** Pushes the queue, then pulls what other devices did. Quiet when the network is away. */
  const sync = useCallback(async () => {
    const pending = loadQueue();
    try {
      for (const d of [...new Set(pending.map((s) => s.door))]) {
        const mine = pending.filter((s) => s.door === d);
        await client.checkin.scan.mutate({
          door: d,
          device: mine[0]!.device,
          scans: mine.map((s) => ({
            id: s.id,
            ticketHash: s.ticketHash,
            scannedAt: new Date(s.scannedAt),
            walkIn: s.walkIn,
          })),
        });
        const left = loadQueue().filter((s) => !mine.some((m) => m.id === s.id));
        saveQueue(left);
        setQueue(left);
      }
      const m = manifestRef.current;
      if (m) {
        const changes = await client.checkin.changes.query({ door: m.door, since: new Date(m.pulledAt) });
        keep({ ...mergeScans(m, changes.scans.map(toDoorScan)), pulledAt: new Date(changes.serverTime).toISOString() });
      }
      setOnline(true);
    } catch (e) {
      if (isNetworkError(e)) setOnline(false);
    }
  }, [client, keep]);

  useEffect(() => {
    if (!working) return;
    const first = window.setTimeout(() => void sync(), 0);
    const timer = window.setInterval(() => void sync(), SYNC_MS);
    const onUp = () => void sync();
    window.addEventListener("online", onUp);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
      window.removeEventListener("online", onUp);
    };
  }, [working, sync]);

  async function start() {
    setError("");
    saveDevice(device.trim());
    saveDoor(door);
    const stored = loadManifest(door);
    manifestRef.current = stored;
    setManifest(stored);
    try {
      await download();
    } catch (e) {
      if (!isNetworkError(e)) {
        setError(t("error", { message: (e as Error).message }));
        return;
      }
      setOnline(false);
    }
    setWorking(true);
  }

  /** Records a scan locally (queue + manifest) after an offline decision. */
  function queueLocal(scan: QueuedScan) {
    const next = [...loadQueue(), scan];
    saveQueue(next);
    setQueue(next);
    const m = manifestRef.current;
    if (m) {
      keep(
        mergeScans(m, [
          {
            id: scan.id,
            hash: scan.ticketHash,
            scannedAt: scan.scannedAt,
            device: scan.device,
            walkIn: scan.walkIn,
            undone: false,
          },
        ]),
      );
    }
  }

  async function admit(hash: string, walkIn: boolean) {
    setError("");
    const scan: QueuedScan = {
      door,
      device: device.trim(),
      id: crypto.randomUUID(),
      ticketHash: hash,
      scannedAt: new Date().toISOString(),
      walkIn,
    };
    try {
      if (!navigator.onLine) throw new TypeError("offline");
      const { results } = await client.checkin.scan.mutate({
        door,
        device: scan.device,
        scans: [{ id: scan.id, ticketHash: hash, scannedAt: new Date(scan.scannedAt), walkIn }],
      });
      const r = results[0]!;
      setOnline(true);
      const { id: _id, person, ...outcome } = r;
      setShown({ outcome: outcome as ScanOutcome, person, hash, offline: false });
      const m = manifestRef.current;
      if (m && (r.result === "admitted" || r.result === "duplicate")) {
        keep(
          mergeScans(m, [{ id: scan.id, hash, scannedAt: scan.scannedAt, device: scan.device, walkIn, undone: false }]),
        );
      }
    } catch (e) {
      if (!isNetworkError(e)) {
        setError(t("error", { message: (e as Error).message }));
        return;
      }
      setOnline(false);
      const m = manifestRef.current;
      if (!m) {
        setError(t("noManifest"));
        return;
      }
      const { outcome, person } = decideOffline(m, hash, walkIn);
      if (outcome.result === "admitted") queueLocal(scan);
      setShown({ outcome, person, hash, offline: true });
    }
  }

  async function onCode(text: string) {
    const trimmed = text.trim();
    // Anything that is not a ticket's code is unknown without asking anyone.
    if (!QR_TEXT.test(trimmed)) {
      setShown({ outcome: { result: "unknown" }, person: null, hash: "", offline: false });
      return;
    }
    await admit(await sha256Hex(trimmed), false);
  }

  async function search(event: React.FormEvent) {
    event.preventDefault();
    setError("");
    const query = q.trim();
    if (query.length < 2) return;
    try {
      if (!navigator.onLine) throw new TypeError("offline");
      setFound(await client.checkin.find.query({ door, q: query }));
    } catch (e) {
      if (!isNetworkError(e)) {
        setError(t("error", { message: (e as Error).message }));
        return;
      }
      setOnline(false);
      const m = manifestRef.current;
      const words = query.toLowerCase().split(/\s+/);
      const hits = (m?.people ?? []).filter((p) => words.every((w) => p.name.toLowerCase().includes(w))).slice(0, 20);
      setFound(
        hits.map((p) => {
          const a = m ? admissionOf(m, p.hash) : null;
          return { ...p, admitted: a ? { at: a.scannedAt, device: a.device } : null };
        }),
      );
    }
  }

  const time = (d: Date | string) =>
    format.dateTime(new Date(d), { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const doorLabel = doors.find((d) => d.door === door)?.label ?? door;

  if (!working) {
    return (
      <form
        className="max-w-xl space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <div>
          <label htmlFor="device" className="block font-medium">
            {t("device")}
          </label>
          <input
            ref={deviceRef}
            id="device"
            required
            maxLength={40}
            value={device}
            onChange={(e) => setDevice(e.target.value)}
            aria-describedby="device-hint"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          />
          <p id="device-hint" className="mt-1 text-sm text-slate-600">
            {t("deviceHint")}
          </p>
        </div>
        <div>
          <label htmlFor="door" className="block font-medium">
            {t("door")}
          </label>
          <select
            ref={doorRef}
            id="door"
            required
            value={door}
            onChange={(e) => setDoor(e.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          >
            <option value="">{t("doorPlaceholder")}</option>
            {doors.map((d) => (
              <option key={d.door} value={d.door}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        {error && (
          <p role="alert" className="text-sm text-red-800">
            {error}
          </p>
        )}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900">
          {t("start")}
        </button>
      </form>
    );
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-bold">{t("working", { door: doorLabel })}</h2>
        <button type="button" onClick={() => setWorking(false)} className="text-sm text-brand-700 underline">
          {t("change")}
        </button>
      </div>
      <div className="space-y-1 text-sm" aria-live="polite">
        <p className={online ? "text-green-800" : "font-semibold text-amber-800"} data-testid="network">
          {online ? t("online") : t("offline")}
        </p>
        <p data-testid="queue">{t("queued", { count: queue.length })}</p>
        {manifest ? (
          <p>{t("manifestAt", { time: time(manifest.generatedAt), count: manifest.people.length })}</p>
        ) : (
          <p className="text-amber-800">{t("noManifest")}</p>
        )}
        <div className="flex flex-wrap gap-3 pt-1">
          <button
            type="button"
            onClick={() => void download().catch(() => setOnline(false))}
            className="text-brand-700 underline"
          >
            {t("refresh")}
          </button>
          <button type="button" onClick={() => void sync()} className="text-brand-700 underline">
            {t("syncNow")}
          </button>
        </div>
      </div>

      {shown && <ResultPanel shown={shown} time={time} onWalkIn={() => void admit(shown.hash, true)} />}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}

      <Camera onCode={(text) => void onCode(text)} />

      <form onSubmit={(e) => void search(e)} className="space-y-2" role="search">
        <label htmlFor="find" className="block font-medium">
          {t("search")}
        </label>
        <div className="flex gap-2">
          <input
            id="find"
            value={q}
            minLength={2}
            maxLength={100}
            onChange={(e) => setQ(e.target.value)}
            aria-describedby="find-hint"
            className="w-full rounded-md border border-slate-300 px-3 py-2"
          />
          <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 font-semibold text-white">
            {t("searchButton")}
          </button>
        </div>
        <p id="find-hint" className="text-sm text-slate-600">
          {t("searchHint")}
        </p>
      </form>
      {found && found.length === 0 && <p>{t("searchEmpty")}</p>}
      {found && found.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {found.map((p) => (
            <li key={p.hash} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div className="min-w-0">
                <p className="font-semibold break-words">{p.name}</p>
                <p className="text-sm text-slate-600 break-words">
                  {p.organisation} · {tc(p.category as never)}
                  {!p.booked && ` · ${t("notBookedShort")}`}
                  {p.admitted && ` · ${t("alreadyIn", { time: time(p.admitted.at) })}`}
                </p>
              </div>
              <button
                type="button"
                onClick={() => void admit(p.hash, false)}
                className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white"
                aria-label={`${t("admit")}: ${p.name}`}
              >
                {t("admit")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ResultPanel({
  shown,
  time,
  onWalkIn,
}: {
  shown: Shown;
  time: (d: Date | string) => string;
  onWalkIn: () => void;
}) {
  const t = useTranslations("checkinDesk");
  const o = shown.outcome;
  const tone =
    o.result === "admitted"
      ? "border-green-700 bg-green-50 text-green-900"
      : o.result === "duplicate" || o.result === "notBooked"
        ? "border-amber-600 bg-amber-50 text-amber-900"
        : "border-red-700 bg-red-50 text-red-900";
  const title = {
    admitted: o.result === "admitted" && o.walkIn ? t("resultWalkIn") : t("resultAdmitted"),
    duplicate: t("resultDuplicate"),
    notBooked: t("resultNotBooked"),
    full: t("resultFull"),
    revoked: t("resultRevoked"),
    unknown: t("resultUnknown"),
  }[o.result];
  return (
    <div
      role="status"
      aria-live="assertive"
      data-testid="scan-result"
      data-result={o.result}
      className={`rounded-xl border-4 p-5 ${tone}`}
    >
      <p className="text-3xl font-extrabold sm:text-4xl">{title}</p>
      {shown.person && <p className="mt-2 text-xl font-semibold break-words">{shown.person.name}</p>}
      {shown.person && <p className="text-base break-words">{shown.person.organisation}</p>}
      {o.result === "duplicate" && (
        <p className="mt-2 text-lg">{t("resultDuplicateDetail", { time: time(o.at), device: o.device })}</p>
      )}
      {o.result === "notBooked" && (
        <div className="mt-2 space-y-2">
          <p className="text-lg">
            {o.seatsLeft === null ? t("resultNoLimit") : t("resultSeats", { count: o.seatsLeft })}
          </p>
          {(o.seatsLeft === null || o.seatsLeft > 0) && (
            <button
              type="button"
              onClick={onWalkIn}
              className="rounded-md bg-amber-700 px-4 py-2 font-semibold text-white"
            >
              {t("admitWalkIn")}
            </button>
          )}
        </div>
      )}
      {o.result === "revoked" && <p className="mt-2">{t("resultRevokedDetail")}</p>}
      {o.result === "unknown" && <p className="mt-2">{t("resultUnknownDetail")}</p>}
      {shown.offline && <p className="mt-2 text-sm">{t("decidedOffline")}</p>}
    </div>
  );
}
