import { getDb } from "~/server/db";
import { readSpeakerPhoto, type PhotoSize } from "~/server/organiser/photo-service";

export const dynamic = "force-dynamic";

/**
 * A speaker's photo, /speakers/<id>/photo/<hash>-<large|small>.webp. The address changes with the
 * photo (its hash), so it is cached for a year; the hash is also the ETag. An old hash: 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  const match = /^([a-f0-9]{20})-(large|small)\.webp$/.exec(file);
  if (!match || !/^[a-z0-9_-]{1,64}$/i.test(id)) return new Response("Not found", { status: 404 });
  const [, hash, size] = match as unknown as [string, string, PhotoSize];
  const etag = `"${hash}-${size}"`;
  const headers = { ETag: etag, "Cache-Control": "public, max-age=31536000, immutable" };
  const db = await getDb();
  const bytes = await readSpeakerPhoto({ db, speakerId: id, hash, size });
  if (!bytes) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(bytes), {
    headers: { ...headers, "Content-Type": "image/webp", "Content-Length": String(bytes.length) },
  });
}
