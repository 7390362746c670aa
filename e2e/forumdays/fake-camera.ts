/**
 * A video file for Chromium's fake camera showing a QR code: Y4M (YUV4MPEG2) is a text header and
 * raw frames, so it is written here directly from the qrcode package's module matrix (greyscale:
 * the luma plane carries the code, the chroma planes are neutral). Chromium loops the file.
 */
import { writeFileSync } from "node:fs";
import QRCode from "qrcode";

export function writeQrVideo(file: string, text: string, { size = 480, frames = 10 } = {}): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = Math.floor(size / (n + 2 * quiet));
  const offset = Math.floor((size - cell * n) / 2);
  const y = Buffer.alloc(size * size, 255);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let dy = 0; dy < cell; dy++) {
        const start = (offset + row * cell + dy) * size + offset + col * cell;
        y.fill(0, start, start + cell);
      }
    }
  }
  const chroma = Buffer.alloc((size / 2) * (size / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${size} H${size} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
