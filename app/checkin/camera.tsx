"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { BrowserQRCodeReader } from "@zxing/browser";

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorCtor = new (options: { formats: string[] }) => Detector;

const nativeDetector = () => (window as unknown as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;

/**
 * The decoder's chunk, fetched once while the desk still has a network: a door that loses it later
 * must still be able to start the camera (the module registry keeps what was loaded).
 */
let zxing: Promise<{ BrowserQRCodeReader: typeof BrowserQRCodeReader }> | null = null;
const loadZxing = () => {
  zxing ??= import("@zxing/browser").catch((e: unknown) => {
    zxing = null;
    throw e;
  });
  return zxing;
};

/**
 * The camera: the browser's BarcodeDetector where it exists, otherwise @zxing/browser, loaded
 * only here (on /checkin), as soon as the desk is open (not only when the camera starts: by then the
 * network may be gone). Calls onCode for each QR code,
 * at most once per code every 3 s.
 */
export function Camera({ onCode }: { onCode: (text: string) => void }) {
  const t = useTranslations("checkinDesk");
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [error, setError] = useState(false);
  const last = useRef<{ text: string; at: number }>({ text: "", at: 0 });
  const handler = useRef(onCode);
  useEffect(() => {
    handler.current = onCode;
  }, [onCode]);

  // Whether a decoder is at hand (the browser's, or the library already fetched).
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    (nativeDetector() ? Promise.resolve() : loadZxing()).then(
      () => live && setReady(true),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!on || !video.current) return;
    const el = video.current;
    let stopped = false;
    let stop = () => {};
    const emit = (text: string) => {
      const now = Date.now();
      if (text === last.current.text && now - last.current.at < 3000) return;
      last.current = { text, at: now };
      handler.current(text);
    };
    (async () => {
      const Native = nativeDetector();
      if (Native) {
        const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        el.srcObject = stream;
        await el.play();
        const detector = new Native({ formats: ["qr_code"] });
        stop = () => stream.getTracks().forEach((track) => track.stop());
        const tick = async () => {
          if (stopped) return;
          const codes = await detector.detect(el).catch(() => []);
          for (const c of codes) emit(c.rawValue);
          window.setTimeout(tick, 250);
        };
        void tick();
      } else {
        const { BrowserQRCodeReader } = await loadZxing();
        const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 250 });
        const controls = await reader.decodeFromVideoDevice(undefined, el, (result) => {
          if (result) emit(result.getText());
        });
        stop = () => controls.stop();
      }
      if (stopped) stop();
    })().catch(() => {
      setError(true);
      setOn(false);
    });
    return () => {
      stopped = true;
      stop();
    };
  }, [on]);

  return (
    <div className="space-y-2" data-testid="camera" data-ready={ready ? "true" : "false"}>
      <button
        type="button"
        onClick={() => {
          setError(false);
          setOn((v) => !v);
        }}
        className="rounded-md bg-slate-800 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-950"
      >
        {on ? t("cameraStop") : t("camera")}
      </button>
      {on && (
        <>
          <video
            ref={video}
            muted
            playsInline
            className="aspect-square w-full max-w-sm rounded bg-black object-cover"
          />
          <p className="text-sm text-slate-600">{t("cameraHint")}</p>
        </>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {t("cameraError")}
        </p>
      )}
    </div>
  );
}
