"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorCtor = new (options: { formats: string[] }) => Detector;

/**
 * The camera: the browser's BarcodeDetector where it exists, otherwise @zxing/browser, loaded
 * only here (on /checkin) and only when the camera is started. Calls onCode for each QR code,
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
      const Native = (window as unknown as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
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
        const { BrowserQRCodeReader } = await import("@zxing/browser");
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
    <div className="space-y-2">
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
