import { createHash } from "node:crypto";

/**
 * An opaque tag of the signed-in person for the page script (body `data-viewer`): a page from the
 * network rendered for another person than the last one clears what the worker kept for that one.
 * Only the person's own pages carry it; it reveals nothing beyond "the same person or not".
 */
export function viewerTag(userId: string): string {
  return createHash("sha256").update(`spo-offline:${userId}`).digest("base64url").slice(0, 16);
}
