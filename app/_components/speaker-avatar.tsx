import { speakerPhotoUrl } from "~/server/organiser/photo-service-url";

/** Initials of a full name («Иванова Мария Петровна» → «ИМ»), for a speaker without a photo. */
export function initials(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
}

type Props = {
  speaker: { id: string; fullName: string; photo: { hash: string } | null };
  /** "small": 40 px from the 96 px image; "large": 160 px from the 400 px one. */
  size: "small" | "large";
  /** The alternative text when the picture says something the page does not (it is decorative next to the name). */
  alt?: string;
};

/** A speaker's photo, or their initials on a tinted disc; beside the name, so decorative by default. */
export function SpeakerAvatar({ speaker, size, alt = "" }: Props) {
  const box = size === "large" ? "h-40 w-40 text-4xl" : "h-10 w-10 text-sm";
  const px = size === "large" ? 160 : 40;
  if (speaker.photo) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- served from our own versioned route, already sized
      <img
        src={speakerPhotoUrl(speaker.id, speaker.photo.hash, size)}
        alt={alt}
        width={px}
        height={px}
        loading="lazy"
        decoding="async"
        className={`${box} shrink-0 rounded-full bg-slate-100 object-cover`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${box} inline-flex shrink-0 items-center justify-center rounded-full bg-brand-50 font-semibold text-brand-900`}
    >
      {initials(speaker.fullName)}
    </span>
  );
}
