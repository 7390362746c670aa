/**
 * Speakers' photos: an organiser uploads any common image (JPEG, PNG, WebP, AVIF, GIF, TIFF, HEIF
 * where libvips decodes it), sharp turns it upright, crops it to a square and writes two WebP sizes.
 * Both are kept in the database (SpeakerPhoto, bytea), so every app instance serves the same photo;
 * the hash of the large image versions the public URL and is its ETag. A file that is not an image,
 * too large or damaged is refused with a message and changes nothing. Each change is audited in its
 * transaction (which also moves the guest pages' content version).
 */
import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import type { SessionUser } from "~/server/auth/roles";
import { recordAudit } from "~/server/audit/log";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { serverTranslator } from "~/server/i18n/translate";
import { assertSpeakerEditable } from "~/server/organiser/context";
import { errorsT } from "~/server/organiser/messages";
import { PHOTO_MAX_BYTES, type SpeakerPhotoInput } from "~/server/organiser/schema";

const photoT = serverTranslator("sessionPage", "speakerPhoto");

export const PHOTO_SIZES = { large: 400, small: 96 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;
/** Decoding bombs: more pixels than this are refused before decoding. */
const MAX_PIXELS = 40_000_000;
const ACCEPTED = new Set(["jpeg", "png", "webp", "avif", "gif", "tiff", "heif"]);

export type ProcessedPhoto = {
  hash: string;
  large: Uint8Array<ArrayBuffer>;
  small: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
};

/** A copy on its own ArrayBuffer (what Prisma's Bytes fields take). */
const own = (b: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(b);

/** Decodes and resizes an upload; throws AppError(BAD_REQUEST) with a message for a person. */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  if (input.length === 0) throw new AppError("BAD_REQUEST", photoT("empty"));
  if (input.length > PHOTO_MAX_BYTES)
    throw new AppError("BAD_REQUEST", photoT("tooLarge", { max: PHOTO_MAX_BYTES / 1024 / 1024 }));
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch {
    throw new AppError("BAD_REQUEST", photoT("notImage"));
  }
  if (!meta.format || !ACCEPTED.has(meta.format)) throw new AppError("BAD_REQUEST", photoT("notImage"));
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS)
    throw new AppError("BAD_REQUEST", photoT("tooManyPixels", { max: MAX_PIXELS / 1_000_000 }));
  const resize = async (side: number) =>
    sharp(input, { limitInputPixels: MAX_PIXELS, failOn: "error" })
      .rotate()
      .resize(side, side, { fit: "cover", position: "attention" })
      .webp({ quality: side > 200 ? 82 : 75 })
      .toBuffer({ resolveWithObject: true });
  try {
    const [large, small] = await Promise.all([resize(PHOTO_SIZES.large), resize(PHOTO_SIZES.small)]);
    const hash = createHash("sha256").update(large.data).digest("hex").slice(0, 20);
    return { hash, large: own(large.data), small: own(small.data), width: large.info.width, height: large.info.height };
  } catch {
    throw new AppError("BAD_REQUEST", photoT("corrupt"));
  }
}

async function speakerOrThrow(db: Db, id: string) {
  const speaker = await db.speaker.findUnique({
    where: { id },
    select: { id: true, fullName: true, photo: { select: { hash: true } } },
  });
  if (!speaker) throw new AppError("NOT_FOUND", errorsT("speakerNotFound"));
  return speaker;
}

/** Sets (or replaces) a speaker's photo. */
export async function setSpeakerPhoto({ db, actor, input }: { db: Db; actor: SessionUser; input: SpeakerPhotoInput }) {
  await assertSpeakerEditable(db, actor, input.id);
  const speaker = await speakerOrThrow(db, input.id);
  const photo = await processPhoto(Buffer.from(input.data, "base64"));
  const fields = { hash: photo.hash, large: photo.large, small: photo.small, width: photo.width, height: photo.height };
  return db.$transaction(async (tx) => {
    await tx.speakerPhoto.upsert({
      where: { speakerId: speaker.id },
      create: { speakerId: speaker.id, ...fields },
      update: fields,
      select: { speakerId: true },
    });
    const after = { hash: photo.hash, width: photo.width, bytes: photo.large.length, format: "webp" };
    await recordAudit(tx, {
      actor,
      action: "speaker.photo",
      entity: "Speaker",
      entityId: speaker.id,
      before: speaker.photo ? { hash: speaker.photo.hash } : undefined,
      after,
    });
    return { id: speaker.id, hash: photo.hash };
  });
}

/** Removes a speaker's photo (the public pages fall back to initials). */
export async function removeSpeakerPhoto({ db, actor, input }: { db: Db; actor: SessionUser; input: { id: string } }) {
  await assertSpeakerEditable(db, actor, input.id);
  const speaker = await speakerOrThrow(db, input.id);
  if (!speaker.photo) throw new AppError("NOT_FOUND", photoT("noPhoto"));
  return db.$transaction(async (tx) => {
    await tx.speakerPhoto.deleteMany({ where: { speakerId: speaker.id } });
    await recordAudit(tx, {
      actor,
      action: "speaker.photoRemove",
      entity: "Speaker",
      entityId: speaker.id,
      before: { hash: speaker.photo?.hash },
    });
    return { id: speaker.id };
  });
}

/** The bytes the public route serves; null when the speaker has no photo or the URL's version is old. */
export async function readSpeakerPhoto({
  db,
  speakerId,
  hash,
  size,
}: {
  db: Db;
  speakerId: string;
  hash: string;
  size: PhotoSize;
}): Promise<Buffer | null> {
  const row =
    size === "large"
      ? await db.speakerPhoto.findUnique({ where: { speakerId }, select: { hash: true, large: true } })
      : await db.speakerPhoto.findUnique({ where: { speakerId }, select: { hash: true, small: true } });
  if (!row || row.hash !== hash) return null;
  return Buffer.from("large" in row ? row.large : row.small);
}

export { speakerPhotoUrl } from "~/server/organiser/photo-service-url";
