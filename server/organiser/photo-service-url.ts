/** The public address of a speaker's photo, versioned by its hash so it may be cached for a year. Pure, client-safe. */
export function speakerPhotoUrl(speakerId: string, hash: string, size: "large" | "small"): string {
  return `/speakers/${speakerId}/photo/${hash}-${size}.webp`;
}
